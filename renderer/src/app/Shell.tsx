import { Badge, Button, Dropdown, Select, Space, Typography } from 'antd';
import { BellOutlined, CheckSquareOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useCompanies, useCompany, useInbox, useMe } from '../api/queries';
import { useSession } from '../state/session';
import { PrefsControls } from '../components/PrefsBar';
import { signOut } from './auth';
import type { CompanyDetail, CompanyListItem } from '../../../shared/api/companies';
import { useLiveEvents } from './live-events';
import { SkipLink } from './SkipLink';
import { useRouteTitle } from './useRouteTitle';

/** The signed-in frame: brand, company switcher, inbox, language, elder mode, account menu. */
/** My companies, plus the one on screen when it is not one of them (a firm client). */
const switcherOptions = (
  mine: readonly CompanyListItem[],
  current: CompanyDetail | undefined,
): { value: string; label: string }[] => {
  const options = mine.map((c) => ({ value: c.id, label: c.name }));
  if (current && !mine.some((c) => c.id === current.id))
    options.unshift({ value: current.id, label: current.name });
  return options;
};

export const Shell = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { companyId } = useParams();
  const me = useMe();
  const companies = useCompanies();
  // A firm client opened from the workspace is not among "my companies"; the switcher still names it.
  const current = useCompany(companyId);
  const inbox = useInbox();
  useLiveEvents();
  useRouteTitle(companyId ? current.data?.name : undefined);
  const unread = inbox.data?.items.filter((i) => !i.read && !i.done).length ?? 0;

  return (
    <>
      <SkipLink />
      <header className="st-header">
        <nav aria-label={t('nav.main')} className="st-nav">
          <Link to="/" className="st-brand">
            <img src="/favicon.svg" width={32} height={32} alt="" />
            {t('app.name')}
          </Link>
          <Link to="/todos" className="st-nav-link" data-testid="nav-todos">
            <CheckSquareOutlined aria-hidden style={{ fontSize: '1.3em' }} /> <span>{t('todos.nav')}</span>
          </Link>
          <Link to="/inbox" aria-label={t('nav.inboxCount', { count: unread })} className="st-nav-link">
            <Badge count={unread} size="small">
              <BellOutlined aria-hidden style={{ fontSize: '1.3em' }} /> <span>{t('nav.inbox')}</span>
            </Badge>
          </Link>
        </nav>
        <Select
          aria-label={t('nav.switchCompany')}
          data-testid="company-switcher"
          style={{ minWidth: 260, maxWidth: 420 }}
          placeholder={t('nav.switchCompany')}
          value={companyId ?? null}
          onChange={(id: string) => {
            useSession.getState().setCompany(id);
            navigate(`/companies/${id}`);
          }}
          options={switcherOptions(companies.data?.companies ?? [], current.data)}
        />
        <span className="st-spacer" />
        <Space size="middle" wrap>
          <PrefsControls />
          <Dropdown
            menu={{
              items: [
                { key: 'face', label: t('account.face.title'), onClick: () => navigate('/account/face') },
                { key: 'todos', label: t('todos.settings'), onClick: () => navigate('/todos/settings') },
                { key: 'out', label: t('nav.signOut'), onClick: () => void signOut(queryClient, false) },
                { key: 'all', label: t('nav.signOutAll'), onClick: () => void signOut(queryClient, true) },
              ],
            }}
          >
            <Button
              icon={<UserOutlined aria-hidden />}
              data-testid="account-menu"
              aria-label={t('nav.accountOf', { name: me.data?.person.name ?? '' })}
            >
              <Typography.Text>{me.data?.person.name ?? ''}</Typography.Text>
            </Button>
          </Dropdown>
        </Space>
      </header>
      <main id="main" tabIndex={-1} className="st-page">
        <Outlet />
      </main>
    </>
  );
};

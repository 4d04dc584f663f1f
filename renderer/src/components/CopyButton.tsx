import { App, Button, type ButtonProps } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Copies `text` (a link to pass on) and says so; the label defaults to 复制链接 / Copy link. */
export const CopyButton = ({
  text,
  label,
  size,
}: {
  text: string;
  label?: string;
  size?: ButtonProps['size'];
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      size={size}
      icon={<CopyOutlined aria-hidden />}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => message.success(t('common.copied')))
      }
    >
      {label ?? t('common.copyLink')}
    </Button>
  );
};

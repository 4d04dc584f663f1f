import { renderPdf } from '../../pdf/document';
import type { ChangeView } from '../../../shared/api/changes';
import type { VotingShareholder, Vote } from '../../../shared/lifecycle/change-rules';
import { sharesOf } from './facts';

const VOTE: Record<Vote, string> = { for: '同意', against: '反对', abstain: '弃权' };

/**
 * The shareholders' resolution (股东会决议, or the sole shareholder's decision) generated from the
 * diff, with each shareholder's voting rights and vote (CL §66), in the shipped CJK font.
 */
export const resolutionPdf = (
  v: ChangeView,
  shareholders: readonly VotingShareholder[],
  votes: readonly { shareholder: string; vote: Vote }[],
): Promise<Buffer> => {
  const sole = shareholders.length === 1;
  return renderPdf(
    (doc) => {
      doc.title(
        `${v.companyName}${sole ? '股东决定' : '股东会决议'}`,
        sole ? 'Sole shareholder’s decision' : 'Shareholders’ resolution',
      );
      doc.keyValueTable([
        ['统一社会信用代码 USCC', v.uscc],
        ['决议日期 Date of resolution', v.resolutionDate],
        [
          '表决要求 Threshold',
          v.threshold === 'two-thirds'
            ? '代表三分之二以上表决权通过（《公司法》第六十六条）'
            : '代表过半数表决权通过（《公司法》第六十六条）',
        ],
        ['赞成比例 In favour', `${v.inFavour}%`],
      ]);
      doc.paragraph(`经${sole ? '股东决定' : '股东会审议'}，同意对公司下列登记（备案）事项作如下变更：`);
      doc.table(
        [{ header: '事项 Item', width: 90 }, { header: '变更前 Before' }, { header: '变更后 After' }],
        v.diff.map((d) => [d.label.zh, d.before, d.after]),
      );
      doc.heading('表决情况 Votes');
      const byName = new Map(votes.map((x) => [x.shareholder, x.vote]));
      doc.table(
        [
          { header: '股东 Shareholder' },
          { header: '表决权比例 Voting rights', align: 'right' },
          { header: '表决 Vote', width: 80 },
        ],
        sharesOf(shareholders).map((s) => [s.name, `${s.share}%`, VOTE[byName.get(s.name) ?? 'abstain']]),
      );
      doc.paragraph(
        `同意修改公司章程相应条款，并授权法定代表人于决议之日起 30 日内（${v.deadline} 前）向登记机关申请变更登记。`,
      );
      doc.space(16);
      doc.paragraph('全体股东签字（盖章）：____________________', {});
      doc.footer(`商通生成 · 申请编号 ${v.id}`);
    },
    { title: `${v.companyName} 股东会决议`, subject: 'Shareholders’ resolution' },
  );
};

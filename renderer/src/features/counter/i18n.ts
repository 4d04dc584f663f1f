/** Messages of counter verification (namespace `counter`), the reviewer's alternative to a face check. */
export const counterMessages = {
  zh: {
    title: '窗口核验身份',
    intro:
      '申请人不愿或不能刷脸时：当面核对身份证原件与本人一致后，在此登记。姓名和身份证号仍须与公民身份信息库一致。',
    name: '姓名（与身份证一致）',
    residentId: '身份证号',
    seen: '我已当面核对身份证原件，确认为本人',
    seenRequired: '须当面核对身份证原件',
    note: '备注（选填）',
    submit: '登记为已核验',
    done: '已登记：{{name}}（{{masked}}）窗口核验通过。',
  },
  en: {
    title: 'Verify identity at the counter',
    intro:
      'For a person who will not or cannot use a face check: after checking the original ID card against the person in front of you, record it here. The name and ID must still match the identity authority.',
    name: 'Name (as on the ID card)',
    residentId: 'Resident ID number',
    seen: 'I checked the original ID card in person; it is this person',
    seenRequired: 'The original ID card must be checked in person',
    note: 'Note (optional)',
    submit: 'Record as verified',
    done: 'Recorded: {{name}} ({{masked}}) verified at the counter.',
  },
};

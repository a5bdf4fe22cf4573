// Texts of IT's reference-data page (zh-CN first, English too), and its menu entry.
import { i18n } from '../i18n';

export const REFERENCE_NS = 'reference';

const zhCN = {
  title: '基础数据维护',
  calendar: '节假日安排(含调休)',
  calendarHint: '办理时限按工作日计算。默认数据为国务院办公厅公布的2025年、2026年安排;新年度安排公布后请在此录入。',
  year: '年份',
  date: '日期',
  datePlaceholder: '如 2027-10-01',
  kind: '类别',
  kinds: { holiday: '放假', workday: '调休上班' },
  name: '节日名称',
  add: '添加',
  remove: '删除',
  source: '依据',
  shipped: '(默认数据)',
  reasons: '审核理由代码',
  reasonsHint: '审核人员作出通过、不予通过或退回决定时可选的理由。停用的代码不再提供选择,已作出的决定不受影响。',
  code: '代码',
  use: '用途',
  uses: { return: '退回补正', reject: '不予通过', approve: '通过' },
  zh: '中文说明',
  en: '英文说明',
  active: '状态',
  activeOn: '启用',
  activeOff: '已停用',
  save: '保存',
  deactivate: '停用',
  activate: '启用',
  saved: '已保存',
  readOnly: '只有信息技术人员可以修改基础数据',
  catalogues: '业务事项目录版本',
  cataloguesHint: '目录由市中心发布,随基础数据同步到本工作站。新受理的案件按当日生效的版本办理,已受理的案件始终按其受理时的版本办理。',
  version: '版本',
  effectiveFrom: '生效日期',
  items: '事项数',
  catalogueStates: { in_force: '现行(新案件使用)', later: '待生效', earlier: '历史版本', refused: '已拒收' },
  shippedVersion: '(随程序安装)',
  reason: '原因',
};

const en: typeof zhCN = {
  title: 'Reference data',
  calendar: 'Holiday calendar (with adjusted working days)',
  calendarHint: 'Deadlines count working days. The defaults are the State Council calendars for 2025 and 2026; enter a new year once it is published.',
  year: 'Year',
  date: 'Date',
  datePlaceholder: 'e.g. 2027-10-01',
  kind: 'Kind',
  kinds: { holiday: 'Day off', workday: 'Adjusted working day' },
  name: 'Holiday',
  add: 'Add',
  remove: 'Remove',
  source: 'Source',
  shipped: '(defaults)',
  reasons: 'Reason codes',
  reasonsHint: 'Reasons reviewers choose when they approve, reject or return a case. A withdrawn code is no longer offered; decisions already taken keep their text.',
  code: 'Code',
  use: 'Used for',
  uses: { return: 'Return', reject: 'Reject', approve: 'Approve' },
  zh: 'Chinese label',
  en: 'English label',
  active: 'State',
  activeOn: 'Active',
  activeOff: 'Withdrawn',
  save: 'Save',
  deactivate: 'Withdraw',
  activate: 'Activate',
  saved: 'Saved',
  readOnly: 'Only IT staff can change reference data',
  catalogues: 'Catalogue of business items: versions',
  cataloguesHint: 'The city centre publishes the catalogue; it reaches this workstation with the reference data. New cases start under the version in force that day; a case always keeps the version it started under.',
  version: 'Version',
  effectiveFrom: 'Effective from',
  items: 'Items',
  catalogueStates: { in_force: 'In force (new cases)', later: 'Not yet in force', earlier: 'Earlier version', refused: 'Refused' },
  shippedVersion: '(installed with the program)',
  reason: 'Reason',
};

if (!i18n.hasResourceBundle('zh-CN', REFERENCE_NS)) {
  i18n.addResourceBundle('zh-CN', REFERENCE_NS, zhCN);
  i18n.addResourceBundle('en', REFERENCE_NS, en);
  // The workspace menu reads nav.<page> from the main namespace: add this page's entry there.
  i18n.addResourceBundle('zh-CN', 'translation', { nav: { reference: '基础数据' } }, true, false);
  i18n.addResourceBundle('en', 'translation', { nav: { reference: 'Reference data' } }, true, false);
}

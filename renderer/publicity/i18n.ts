// Texts of the publicity page (zh-CN first, English too), an i18next namespace of its own.
import { i18n } from '../i18n';

export const PUBLICITY_NS = 'publicity';

const zhCN = {
  tabs: { open: '公示名单', awaiting: '待发布公示' },
  period: '公示期',
  periodValue: '{{startsOn}} 至 {{endsOn}}',
  phase: { upcoming: '未开始', open: '公示中', ended: '已期满' },
  count: '共 {{count}} 户',
  noList: '暂无公示名单',
  noAwaiting: '没有待发布公示的办件',
  col: { name: '申请人', id: '身份证号码', item: '申请事项', street: '所属街道', size: '家庭人数', approved: '复审通过时间', actions: '操作' },
  exportPdf: '导出PDF',
  exportExcel: '导出Excel',
  exported: '已导出:{{file}}',
  object: '登记异议',
  objectTitle: '登记公示异议:{{name}}',
  objectHint: '登记后案件退回复审(区复审员“待复审”),公示期满后不能再登记。',
  reason: '异议内容',
  reasonPlaceholder: '异议人反映的情况、联系方式等',
  needReason: '请填写异议内容',
  objected: '已登记异议,案件已退回复审',
  publish: '发布公示',
  publishTitle: '发布公示({{count}} 户)',
  publishHint: '公示期自今日起 {{days}} 个自然日:{{startsOn}} 至 {{endsOn}}。',
  published: '已发布公示 {{count}} 户',
  publishRefused: '{{name}}未能发布:{{reason}}',
  selectFirst: '请先勾选要发布公示的办件',
  password: '请再次输入您的登录密码以签名确认',
  sign: '签名并提交',
  cancel: '取消',
  signedAs: '以 {{name}} 的名义签名',
  notYou: '签名须由当前登录的本人确认',
  offlineNote: '当前离线:已保存在本工作站,联网后自动同步',
};

const en: typeof zhCN = {
  tabs: { open: 'Publicity lists', awaiting: 'To publish' },
  period: 'Publicity period',
  periodValue: '{{startsOn}} to {{endsOn}}',
  phase: { upcoming: 'Not started', open: 'Open', ended: 'Ended' },
  count: '{{count}} households',
  noList: 'No publicity list',
  noAwaiting: 'No review-approved case waiting for publication',
  col: { name: 'Applicant', id: 'ID number', item: 'Business item', street: 'Street', size: 'Household size', approved: 'Review approved', actions: 'Actions' },
  exportPdf: 'Export PDF',
  exportExcel: 'Export Excel',
  exported: 'Exported: {{file}}',
  object: 'Record objection',
  objectTitle: 'Objection during publicity: {{name}}',
  objectHint: "The case goes back to district review (the reviewer's queue); no objection can be recorded after the period ends.",
  reason: 'Objection',
  reasonPlaceholder: 'What the objector reports, how to reach them',
  needReason: 'Describe the objection',
  objected: 'Objection recorded; the case is back in review',
  publish: 'Publish',
  publishTitle: 'Publish ({{count}} households)',
  publishHint: 'The publicity runs {{days}} calendar days from today: {{startsOn}} to {{endsOn}}.',
  published: 'Published {{count}} households',
  publishRefused: '{{name}} not published: {{reason}}',
  selectFirst: 'Select the cases to publish first',
  password: 'Enter your sign-in password again to sign',
  sign: 'Sign and submit',
  cancel: 'Cancel',
  signedAs: 'Signed as {{name}}',
  notYou: 'Only the signed-in user can sign',
  offlineNote: 'Offline: kept on this workstation, syncs when the network returns',
};

if (!i18n.hasResourceBundle('zh-CN', PUBLICITY_NS)) {
  i18n.addResourceBundle('zh-CN', PUBLICITY_NS, zhCN);
  i18n.addResourceBundle('en', PUBLICITY_NS, en);
}

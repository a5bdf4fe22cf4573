// The sync view's own i18n namespace (zh-CN first, English too), added to the app's i18next.
import { i18n } from '../i18n';

export const SYNC_NS = 'sync-health';

const zhCN = {
  title: '同步状态',
  now: '立即同步',
  office: '本办事处各工作站',
  problems: '同步问题',
  conflicts: '待处理的冲突',
  conflictsHelp: '同一字段在两个工作站离线时都被修改。同步已保留较晚的修改,请确认保留,或改用另一个值。',
  files: '文件上传',
  collection: '集合',
  database: '数据库',
  last: '最近成功',
  error: '错误',
  ws: '工作站',
  state: '状态',
  kind: '类型',
  reason: '原因',
  none: '无',
  pending: '待上传',
  pendingUnknown: '统计中',
  openConflicts: '冲突',
  document: '记录',
  field: '字段',
  kept: '当前值(已保留)',
  lost: '另一值(未采用)',
  found: '发现时间',
  keep: '保留当前值',
  useOther: '改用另一值',
  sealed: '已加密,不显示',
  empty: '(空)',
  resolved: '已处理 {{count}} 条',
  noConflicts: '没有待处理的冲突',
  kinds: { malformed: '格式错误', refused: '服务器拒绝', conflict: '冲突', signature: '签名无效(不作依据)' },
};

const en: typeof zhCN = {
  title: 'Sync health',
  now: 'Sync now',
  office: 'Workstations of this office',
  problems: 'Sync problems',
  conflicts: 'Conflicts to decide',
  conflictsHelp: 'The same field was changed on two workstations while offline. Sync kept the later change: keep it, or use the other value.',
  files: 'File uploads',
  collection: 'Collection',
  database: 'Database',
  last: 'Last success',
  error: 'Error',
  ws: 'Workstation',
  state: 'State',
  kind: 'Kind',
  reason: 'Reason',
  none: 'none',
  pending: 'Not yet uploaded',
  pendingUnknown: 'counting',
  openConflicts: 'Conflicts',
  document: 'Record',
  field: 'Field',
  kept: 'Current value (kept)',
  lost: 'Other value (set aside)',
  found: 'Found',
  keep: 'Keep current value',
  useOther: 'Use the other value',
  sealed: 'encrypted, not shown',
  empty: '(empty)',
  resolved: '{{count}} resolved',
  noConflicts: 'No conflicts to decide',
  kinds: { malformed: 'Malformed', refused: 'Refused by the server', conflict: 'Conflict', signature: 'Signature invalid (not relied on)' },
};

if (!i18n.hasResourceBundle('zh-CN', SYNC_NS)) {
  i18n.addResourceBundle('zh-CN', SYNC_NS, zhCN);
  i18n.addResourceBundle('en', SYNC_NS, en);
}

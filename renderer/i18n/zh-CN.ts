// Simplified Chinese: the default language of the workstation. Names of business items and
// statuses come from the domain, where they are defined once.
import { BUSINESS_ITEM_LABELS, CASE_STATUS_LABELS } from '../../domain/model';

export const zhCN = {
  app: { title: '住房保障工作站', logout: '退出登录', language: '语言', training: '培训模式' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请填写{{field}}',
    offline: '离线登录:同步服务器暂不可达,数据将在联网后自动同步',
  },
  cases: {
    title: '办件',
    new: '新建申请',
    empty: '暂无办件',
    businessItem: '申请事项',
    applicantName: '申请人',
    idNumber: '身份证号码',
    idMasked: '身份证号码(已遮挡)',
    status: '状态',
    createdAt: '创建时间',
    updatedAt: '更新时间',
    create: '提交申请',
    cancel: '取消',
    created: '已创建办件:{{name}}',
    detail: '办件详情',
    reveal: '显示完整号码',
    selectItem: '请选择申请事项',
    namePlaceholder: '与身份证一致的姓名',
    idPlaceholder: '18位身份证号码',
    save: '保存',
    saved: '已保存',
    search: '按姓名搜索',
  },
  items: { ...BUSINESS_ITEM_LABELS },
  statuses: { ...CASE_STATUS_LABELS },
  sync: {
    connecting: '正在连接同步服务器',
    offline: '离线',
    syncing: '同步中',
    idle: '已同步',
    error: '同步错误',
    lastSuccess: '上次同步 {{time}}',
    never: '尚未同步',
    problems: '{{count}} 条记录未能同步',
  },
};

export type Messages = typeof zhCN;

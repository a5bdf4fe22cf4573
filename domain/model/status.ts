// Case statuses: a projection of the case's events (see domain/workflow/derive.ts).

export const CASE_STATUSES = [
  'new',
  'submitted',
  'accepted',
  'returned',
  'preliminary_approved',
  'review_approved',
  'rejected',
  'in_publicity',
  'waiting',
  'allocated',
  'contracted',
  'in_tenancy',
  'violation',
  'exited',
  // An item that ends without an approval of its own (a change of contact details, a contract
  // change the street decides): the business-item catalogue's `completed` stage.
  'completed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  new: '新建',
  submitted: '已申请',
  accepted: '已受理',
  returned: '已退回',
  preliminary_approved: '初审通过',
  review_approved: '复审通过',
  rejected: '不予通过',
  in_publicity: '公示中',
  waiting: '轮候中',
  allocated: '已配租配售',
  contracted: '已签约',
  in_tenancy: '租后管理',
  violation: '核查发现违规',
  exited: '已退出',
  completed: '已办结',
};

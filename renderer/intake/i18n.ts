// The intake's catalogue labels: the item picker's groups and the item's form sections and rules.
// Item, section and rule names come from the catalogue in both languages.
import { i18n } from '../i18n';

export const INTAKE_NS = 'intakeItems';

const zhCN = {
  categories: { allocation: '申请配租配售', subsidy: '租赁补贴', tenancy: '租后管理', exit: '退出', service: '便民服务' },
  sections: '本事项填写',
  rules: '本事项审核条件',
  noRules: '本事项无资格条件,由审核人员逐案审核',
  stages: '办理环节',
  days: '{{count}} 个工作日',
  illustrative: '示例',
  faceNotRequired: '本事项无需重新采集人像(申请时已采集),可直接下一步',
  faceAnyway: '仍要采集人像',
};

const en: typeof zhCN = {
  categories: { allocation: 'Applications', subsidy: 'Rental subsidy', tenancy: 'Tenancy management', exit: 'Leaving', service: 'Services' },
  sections: 'What this item asks for',
  rules: 'Conditions of this item',
  noRules: 'No eligibility conditions: reviewers decide case by case',
  stages: 'Stages',
  days: '{{count}} working days',
  illustrative: 'Illustrative',
  faceNotRequired: 'This item needs no new face photo (taken at the application): go on to the next step',
  faceAnyway: 'Take a face photo anyway',
};

if (!i18n.hasResourceBundle('zh-CN', INTAKE_NS)) {
  i18n.addResourceBundle('zh-CN', INTAKE_NS, zhCN);
  i18n.addResourceBundle('en', INTAKE_NS, en);
}

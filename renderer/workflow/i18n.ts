// Texts of the workflow views (zh-CN first, English too), an i18next namespace of their own.
import { i18n } from '../i18n';

export const WORKFLOW_NS = 'workflow';

const zhCN = {
  untrustedTitle: '{{count}} 条办件事件的签名无效,办件状态未采用这些事件',
  untrustedHelp: '这些事件没有签名、签名与内容不符,或签名密钥不是经办人登记的(或已吊销)。请联系信息运维人员核查。',
  event: '{{kind}}(经办人 {{actor}},{{at}}):{{reason}}',
};

const en: typeof zhCN = {
  untrustedTitle: '{{count}} case events carry no valid signature; the case status does not rely on them',
  untrustedHelp: 'They are unsigned, their signature does not match their content, or the key is not one registered to their actor (or was revoked). Ask IT to look into it.',
  event: '{{kind}} (by {{actor}}, {{at}}): {{reason}}',
};

if (!i18n.hasResourceBundle('zh-CN', WORKFLOW_NS)) {
  i18n.addResourceBundle('zh-CN', WORKFLOW_NS, zhCN);
  i18n.addResourceBundle('en', WORKFLOW_NS, en);
}

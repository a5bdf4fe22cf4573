// Strings of the OCR review screen, added to the app's i18next instance under the `ocr` namespace
// (kept beside the feature so other features' translation files are not touched).
import { i18n } from '../i18n';

export const OCR_NS = 'ocr';

i18n.addResourceBundle('zh-CN', OCR_NS, {
  title: '证件识别核对',
  loading: '正在加载识别模型…',
  reading: '正在识别…',
  lowConfidence: '识别置信度低,请核对',
  idMatches: '与身份证一致',
  idDiffers: '与身份证号码不一致',
  noCardId: '未读取身份证,无法比对',
  confirm: '确认',
  text: '识别全文',
  failed: '识别失败:{{message}}',
  turned: '此页扫描时方向不正(顺时针转了{{degrees}}°),已转正后识别,左侧图像按转正后显示',
}, true, false);
i18n.addResourceBundle('en', OCR_NS, {
  title: 'Review recognised document',
  loading: 'Loading the recognition model…',
  reading: 'Recognising…',
  lowConfidence: 'Low confidence: please check',
  idMatches: 'Matches the ID card',
  idDiffers: 'Differs from the ID card number',
  noCardId: 'No ID card read: cannot compare',
  confirm: 'Confirm',
  text: 'Full text',
  failed: 'Recognition failed: {{message}}',
  turned: 'This page lay turned ({{degrees}}° clockwise): it was turned upright before reading and is shown upright on the left',
}, true, false);

// Texts of the IT batch panel on the sync page (zh-CN first, English too).
import { i18n } from '../i18n';

export const BATCH_NS = 'sync-batches';

const zhCN = {
  exportTitle: '批量导出(移动存储介质)',
  exportHelp: '网络不通时,将本工作站尚未上传的数据导出为加密的批量文件,由您签名,交由中心导入。',
  folder: '保存到文件夹',
  folderPlaceholder: '选择移动存储设备,或填写文件夹路径',
  removable: '移动存储',
  exportButton: '导出到文件夹',
  download: '下载批量文件',
  collecting: '正在收集待上传的数据…',
  writing: '正在写入文件…',
  exported: '已导出 {{count}} 条记录:{{path}}',
  downloaded: '已导出 {{count}} 条记录,已作为下载文件保存',
  nothing: '没有待上传的数据,无需导出',
  importTitle: '批量导入(中心)',
  importHelp: '导入各办事处送来的批量文件。每条记录都按联网同步的权限与签名规则检查:签名无效、冒用他人名义或越权的记录逐条拒绝并说明原因。',
  file: '批量文件',
  password: '本人密码(确认导入)',
  importButton: '导入',
  uploading: '正在读取文件…',
  deciding: '正在逐条检查并写入…',
  summary: '导入完成(办事处 {{officeId}},导出人 {{exporter}}):共 {{total}} 条,新写入 {{written}} 条,已存在 {{skipped}} 条,拒绝 {{refused}} 条',
  document: '记录',
  outcome: '结果',
  reason: '原因',
  written: '已写入',
  skipped: '已存在',
  refused: '已拒绝',
  chooseFile: '请先选择批量文件',
};

const en: typeof zhCN = {
  exportTitle: 'Batch export (removable media)',
  exportHelp: 'Without a network, export the data this workstation has not uploaded yet as an encrypted batch file, signed by you, for the centre to import.',
  folder: 'Save to folder',
  folderPlaceholder: 'Choose a removable drive or type a folder path',
  removable: 'Removable',
  exportButton: 'Export to folder',
  download: 'Download batch file',
  collecting: 'Collecting the data waiting to upload…',
  writing: 'Writing the file…',
  exported: 'Exported {{count}} records: {{path}}',
  downloaded: 'Exported {{count}} records as a download',
  nothing: 'Nothing is waiting to upload: no batch needed',
  importTitle: 'Batch import (centre)',
  importHelp: 'Import batch files sent by the offices. Each record is checked by the permission and signature rules of online sync: records with an invalid signature, in another person\'s name or beyond the role are refused one by one, with the reason.',
  file: 'Batch file',
  password: 'Your password (confirms the import)',
  importButton: 'Import',
  uploading: 'Reading the file…',
  deciding: 'Checking and writing record by record…',
  summary: 'Import finished (office {{officeId}}, exported by {{exporter}}): {{total}} records, {{written}} written, {{skipped}} already there, {{refused}} refused',
  document: 'Record',
  outcome: 'Outcome',
  reason: 'Reason',
  written: 'Written',
  skipped: 'Already there',
  refused: 'Refused',
  chooseFile: 'Choose a batch file first',
};

if (!i18n.hasResourceBundle('zh-CN', BATCH_NS)) {
  i18n.addResourceBundle('zh-CN', BATCH_NS, zhCN);
  i18n.addResourceBundle('en', BATCH_NS, en);
}

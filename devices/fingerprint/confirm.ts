// Confirmation codes of the R30x / AS608 module (first payload byte of an ack), DOMAIN.md §6.

export type ConfirmStatus =
  | 'OK'
  | 'PACKET_ERROR'
  | 'NO_FINGER'
  | 'CAPTURE_FAILED'
  | 'TOO_DRY'
  | 'TOO_WET'
  | 'TOO_MESSY'
  | 'TOO_FEW_FEATURES'
  | 'NO_MATCH'
  | 'NOT_FOUND'
  | 'MERGE_FAILED'
  | 'PAGE_OUT_OF_RANGE'
  | 'TEMPLATE_INVALID'
  | 'UPLOAD_FAILED'
  | 'FLASH_ERROR'
  | 'LIBRARY_FULL'
  | 'UNKNOWN';

export interface ConfirmMeaning {
  readonly code: number;
  readonly status: ConfirmStatus;
  readonly message: string;
}

const TABLE: ReadonlyArray<readonly [number, ConfirmStatus, string]> = [
  [0x00, 'OK', '操作成功'],
  [0x01, 'PACKET_ERROR', '指纹仪收到的数据包有误'],
  [0x02, 'NO_FINGER', '未检测到手指,请将手指平放在指纹采集窗口上'],
  [0x03, 'CAPTURE_FAILED', '指纹采集失败,请重新按压手指'],
  [0x04, 'TOO_DRY', '手指太干或按压太轻,请重新按压'],
  [0x05, 'TOO_WET', '手指太湿,请擦干后重新按压'],
  [0x06, 'TOO_MESSY', '指纹图像太乱,请擦净手指和采集窗口后重试'],
  [0x07, 'TOO_FEW_FEATURES', '指纹特征点太少,请换一个角度或换一根手指重试'],
  [0x08, 'NO_MATCH', '指纹不匹配'],
  [0x09, 'NOT_FOUND', '未找到匹配的指纹'],
  [0x0a, 'MERGE_FAILED', '两次按压的指纹差别太大,无法合成模板,请同一根手指重新录入'],
  [0x0b, 'PAGE_OUT_OF_RANGE', '指纹库地址超出范围'],
  [0x0c, 'TEMPLATE_INVALID', '指纹模板无效或已损坏'],
  [0x0d, 'UPLOAD_FAILED', '指纹模板上传失败'],
  [0x18, 'FLASH_ERROR', '指纹仪存储器读写出错,请联系设备维护人员'],
  [0x1f, 'LIBRARY_FULL', '指纹库已满'],
];

const BY_CODE = new Map<number, ConfirmMeaning>(TABLE.map(([code, status, message]) => [code, { code, status, message }]));

export function confirmMeaning(code: number): ConfirmMeaning {
  return (
    BY_CODE.get(code) ?? {
      code,
      status: 'UNKNOWN',
      message: `指纹仪返回未知确认码 0x${code.toString(16).padStart(2, '0').toUpperCase()}`,
    }
  );
}

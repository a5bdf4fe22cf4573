// documents/publicity-pdf and documents/publicity-xlsx: the publicity list as a file for the
// renderer to download. Dispatch has checked the list (masked IDs, dates); the period is checked here too.
import { AppError } from '../../domain/errors';
import type { PublicityHandlers, PublicityListData } from '../../domain/ipc/publicity';
import { isMaskedId } from '../../domain/workflow/publicity';
import { renderPublicityPdf } from './publicity-pdf';
import { renderPublicityXlsx } from './publicity-xlsx';

function checked(data: PublicityListData): PublicityListData {
  if (data.endsOn < data.startsOn) throw new AppError('BAD_PERIOD', `公示结束日期${data.endsOn}早于开始日期${data.startsOn}`);
  const bare = data.rows.find((r) => !isMaskedId(r.idMasked));
  if (bare) throw new AppError('UNMASKED_ID', `公示名单中${bare.applicantName}的身份证号码未脱敏,不能导出`);
  return data;
}

const fileName = (data: PublicityListData, ext: string) => `公示名单-${data.startsOn}至${data.endsOn}.${ext}`;

export function publicityHandlers(): { [K in keyof PublicityHandlers]: PublicityHandlers[K] } {
  return {
    async 'documents/publicity-pdf'(data) {
      const pdf = await renderPublicityPdf(checked(data));
      return { fileName: fileName(data, 'pdf'), base64: pdf.toString('base64'), mimeType: 'application/pdf' };
    },
    async 'documents/publicity-xlsx'(data) {
      const xlsx = await renderPublicityXlsx(checked(data));
      return { fileName: fileName(data, 'xlsx'), base64: xlsx.toString('base64'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    },
  };
}

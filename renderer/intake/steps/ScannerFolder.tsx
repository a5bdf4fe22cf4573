// The scanner folder, watched while the scans step is open: each page the counter scanner saves
// appears here, newest first, and one click hands it to OCR.
import { Alert, Button, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanFolderListing } from '../../../domain/ipc/scans';
import { fromBase64 } from '../../../domain/crypto/sealing';
import { getApi } from '../../api/client';
import { formatTime } from '../../i18n/format';

export const SCAN_POLL_MS = 2_000;

interface Props {
  /** A page chosen: the file as the scanner saved it, and its name in the folder. */
  onPick(file: File, name: string): void;
}

export function ScannerFolder({ onPick }: Props) {
  const { t } = useTranslation();
  const [listing, setListing] = useState<ScanFolderListing>();
  const [error, setError] = useState<string>();
  const [opening, setOpening] = useState<string>();

  const refresh = useCallback(async () => {
    try {
      setListing(await getApi().invoke('scans/list', undefined));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), SCAN_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const pick = async (name: string) => {
    setOpening(name);
    try {
      const content = await getApi().invoke('scans/read', { name });
      const bytes = fromBase64(content.dataBase64);
      onPick(new File([bytes as Uint8Array<ArrayBuffer>], content.name, { type: content.mimeType }), name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      void refresh();
    } finally {
      setOpening(undefined);
    }
  };

  return (
    <div data-testid="scanner-folder">
      {listing && <Typography.Text type="secondary">{t('intake.scanFolder', { folder: listing.folder })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} />}
      <List
        size="small"
        locale={{ emptyText: t('intake.scanFolderEmpty') }}
        dataSource={[...(listing?.files ?? [])]}
        renderItem={(f) => (
          <List.Item
            data-testid="scanner-file"
            actions={[
              <Button key="use" size="small" type="link" loading={opening === f.name} onClick={() => void pick(f.name)}>
                {t('intake.scanUse')}
              </Button>,
            ]}
          >
            {f.name} · {(f.size / 1024).toFixed(0)} KB · {formatTime(f.modifiedAt)}
          </List.Item>
        )}
      />
    </div>
  );
}

// One dashboard chart with its table below, "保存图片" (the chart as PNG) and "导出Excel" (the table).
import { App, Button, Card, Space, Table } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chartOption } from './chart-options';
import { echarts } from './echarts';
import { download, downloadBlob, tableXlsx } from './excel';
import { DASHBOARD_NS } from './i18n';
import { formatCell, type StatRow, type StatTable } from './tables';

export function ChartPanel({ table, caption, fileStem }: { table: StatTable; caption: string; fileStem: string }) {
  const { t } = useTranslation(DASHBOARD_NS);
  const { message } = App.useApp();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(chartOption(table), true);
  }, [table]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) download(url, `${fileStem}.png`);
  };
  const saveXlsx = () =>
    tableXlsx(table, caption).then(
      (blob) => downloadBlob(blob, `${fileStem}.xlsx`),
      (e: unknown) => message.error(t('saveFailed', { message: e instanceof Error ? e.message : String(e) })),
    );

  return (
    <Card
      size="small"
      title={table.title}
      data-testid={`panel-${table.id}`}
      extra={
        <Space>
          <Button size="small" onClick={savePng} data-testid={`png-${table.id}`}>
            {t('savePng')}
          </Button>
          <Button size="small" onClick={() => void saveXlsx()} data-testid={`xlsx-${table.id}`}>
            {t('saveXlsx')}
          </Button>
        </Space>
      }
    >
      <div ref={box} style={{ height: 280, width: '100%' }} data-testid={`chart-${table.id}`} />
      <Table<StatRow>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...table.rows]}
        data-testid={`table-${table.id}`}
        columns={table.columns.map((c) => ({
          title: c.title,
          key: c.key,
          render: (_: unknown, r: StatRow) => (
            <span data-testid={`${table.id}-${r.key}-${c.key}`} style={r.total ? { fontWeight: 600 } : undefined}>
              {formatCell(r.cells[c.key] ?? null, c)}
            </span>
          ),
        }))}
      />
    </Card>
  );
}

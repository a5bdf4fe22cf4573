// Page preprocessing before recognition: grey, scale, deskew, binarise, erase rules, then split the
// page into regions to read one by one (table cells, text lines) in reading order.
import { binarise, downscale, scaleFactorFor, type BinaryImage } from './binarise';
import { crop, type GreyImage, pad, type Rect, type RgbaImage, rotate, toGrey } from './image';
import { findTable, findTextLines, inkBox, type Table } from './layout';
import { eraseMask, findRules } from './rules';
import { estimateSkew } from './skew';

/** A piece of the page read on its own: one text line, or one table cell. */
export interface Region {
  readonly rect: Rect;
  /** Reading-order line index: cells of one table row share it. */
  readonly line: number;
  /** Column within a table row (0 for plain lines). */
  readonly col: number;
  readonly kind: 'line' | 'cell';
}

export interface PreparedPage {
  /** Deskewed grey page with rules erased: what the recogniser sees. */
  readonly clean: GreyImage;
  readonly bin: BinaryImage;
  readonly skewDeg: number;
  readonly scale: number;
  readonly table: Table | undefined;
  readonly regions: readonly Region[];
}

export function preparePage(image: RgbaImage | GreyImage): PreparedPage {
  const grey0 = 'data' in image && image.data.length === image.width * image.height * 4 ? toGrey(image as RgbaImage) : (image as GreyImage);
  const scale = scaleFactorFor(grey0.width);
  const grey1 = downscale(grey0, scale);
  const skewDeg = estimateSkew(binarise(grey1));
  const grey = rotate(grey1, -skewDeg);
  const bin0 = binarise(grey);
  const rules = findRules(bin0);
  const { grey: clean, bin } = eraseMask(grey, bin0, rules.mask);
  const table = findTable(rules.horizontal, rules.vertical, grey.width);
  const lines = findTextLines(bin, table ? [table.bounds] : []);
  const items: { y: number; regions: Region[] }[] = lines.map((rect) => ({ y: rect.y, regions: [{ rect, line: 0, col: 0, kind: 'line' as const }] }));
  if (table) {
    const rows = new Map<number, Region[]>();
    for (const cell of table.cells) {
      const box = inkBox(bin, cell);
      if (!box) continue;
      const list = rows.get(cell.row) ?? [];
      list.push({ rect: box, line: 0, col: cell.col, kind: 'cell' });
      rows.set(cell.row, list);
    }
    for (const [row, regions] of rows) {
      const y = table.cells.find((c) => c.row === row)!.y;
      items.push({ y, regions: regions.sort((a, b) => a.col - b.col) });
    }
  }
  items.sort((a, b) => a.y - b.y);
  const regions = items.flatMap((item, line) => item.regions.map((r) => ({ ...r, line })));
  return { clean, bin, skewDeg, scale, table, regions };
}

/** The image of one region, with a white margin, ready for the recogniser. */
export function regionImage(page: PreparedPage, region: Region, margin = 10): GreyImage {
  const r = region.rect;
  return pad(crop(page.clean, { x: r.x - 2, y: r.y - 2, width: r.width + 4, height: r.height + 4 }), margin);
}

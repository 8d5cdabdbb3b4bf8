/**
 * Frozen once merged: never import application code here, never edit; add a new file instead.
 * Theme names per UI language: `names` (JSON { en?, zh-Hant?, zh-Hans? }) beside the default
 * `name`. The starter themes seeded before this migration get the names they are seeded with
 * since (only where the workspace kept the starter's id and English name).
 */
import { Kysely } from 'kysely';

const STARTER: [id: string, en: string, hant: string, hans: string][] = [
  ['delivery', 'Delivery', '物流配送', '物流配送'],
  ['price', 'Price', '價格', '价格'],
  ['staff', 'Staff', '員工服務', '员工服务'],
  ['app-website', 'App/Website', 'App／網站', 'App／网站'],
  ['refund-returns', 'Refund/Returns', '退款／退貨', '退款／退货'],
  ['product-quality', 'Product quality', '產品品質', '产品质量'],
  ['wait-time', 'Wait time', '等候時間', '等候时间'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('text_themes').addColumn('names', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  for (const [id, en, hant, hans] of STARTER) {
    await db.updateTable('text_themes').set({ names: JSON.stringify({ en, 'zh-Hant': hant, 'zh-Hans': hans }) })
      .where('id', '=', id).where('name', '=', en).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('text_themes').dropColumn('names').execute();
}

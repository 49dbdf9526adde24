import type { Page } from 'playwright-core';

/** Draws a signature-like zigzag on the consent form's canvas with the mouse (pointer events), as a person signs. */
export async function drawSignature(page: Page): Promise<void> {
  const canvas = page.locator('canvas.ik-signature__canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no signature canvas');
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), y + (i % 2 === 0 ? -30 : 20), { steps: 3 });
  await page.mouse.up();
}

/**
 * A count the backend may stop at a cap to stay fast (`total_capped`): shown as "1000+".
 * Read defensively, so the UI works with backends from before and after that field existed.
 */
export function countLabel(page: { total: number }): string {
  const total = Number(page.total);
  return (page as { total_capped?: boolean }).total_capped ? `${total}+` : String(total);
}

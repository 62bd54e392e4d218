/** The axis style of the run panel's uPlot charts, in the page's theme colours (read when a chart is built). */
export function themedAxis(): {
  stroke: string;
  grid: { stroke: string; width: number };
  ticks: { stroke: string; width: number };
  font: string;
} {
  const cs = getComputedStyle(document.documentElement);
  const text = cs.getPropertyValue('--muted').trim() || '#566372',
    grid = cs.getPropertyValue('--line').trim() || '#d9dee5';
  return { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '12px system-ui' };
}

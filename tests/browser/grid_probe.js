// Reads a Streamlit dataframe's canvas: the column borders (vertical lines through every body
// row) and, for column `index`, how far right its text reaches in each row. Text cut off at the
// border reaches it; text that fits ends a padding short of it. The argument is `index`, or
// [index, grid]: the page's grid-th dataframe (the first by default).
(arg) => {
  const [index, grid] = Array.isArray(arg) ? arg : [arg, 0];
  const canvas = document.querySelectorAll("[data-testid='stDataFrame'] [data-testid='data-grid-canvas']")[grid];
  if (!canvas) return null;
  const ctx = canvas.getContext("2d");
  const { width, height } = canvas;
  const scale = width / canvas.getBoundingClientRect().width;
  const pixels = ctx.getImageData(0, 0, width, height).data;
  const at = (x, y) => {
    const i = (y * width + x) * 4;
    return [pixels[i], pixels[i + 1], pixels[i + 2]];
  };
  const header = Math.round(36 * scale);
  const light = ([r, g, b]) => r < 245 && r > 200 && Math.abs(r - g) < 8 && Math.abs(g - b) < 8;
  const dark = ([r, g, b]) => r + g + b < 3 * 140;
  const borders = [];
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = header; y < height; y++) if (light(at(x, y)) || dark(at(x, y))) count++;
    if (count > 0.9 * (height - header)) borders.push(x);
  }
  const lines = borders.filter((x, i) => i === 0 || x - borders[i - 1] > 2);
  // index -1: the first column of a grid without row markers, from the grid's left edge.
  const left = index < 0 ? 0 : lines[index], right = index < 0 ? lines[0] : lines[index + 1];
  const rowHeight = Math.round(35 * scale);
  const reach = [];
  for (let top = header; top + rowHeight <= height; top += rowHeight) {
    let last = -1;
    for (let x = left + 2; x < right - 1; x++)
      for (let y = top + 4; y < top + rowHeight - 4; y++) if (dark(at(x, y))) last = x;
    if (last >= 0) reach.push(last);
  }
  return { scale, lines, left, right, reach };
}

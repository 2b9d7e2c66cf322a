// The lines of text in one column of a Streamlit dataframe's canvas: the column lies between
// `left` and `right` (canvas px, as grid_probe.js finds the borders). Returns how many runs of
// ink there are down the body (one per line of text: a cell whose text wraps has two or more)
// and how far right the ink reaches (text cut at the border reaches it).
([grid, left, right]) => {
  const canvas = document.querySelectorAll("[data-testid='stDataFrame'] [data-testid='data-grid-canvas']")[grid];
  const { width, height } = canvas;
  const scale = width / canvas.getBoundingClientRect().width;
  const px = canvas.getContext("2d").getImageData(0, 0, width, height).data;
  const dark = (x, y) => { const i = (y * width + x) * 4; return px[i] + px[i + 1] + px[i + 2] < 450; };
  const runs = []; let start = -1, reach = -1;
  for (let y = Math.round(36 * scale); y < height; y++) {
    let hit = false;
    for (let x = left + 2; x < right - 1; x++) if (dark(x, y)) { hit = true; reach = Math.max(reach, x); }
    if (hit && start < 0) start = y;
    // Runs under 5 px are grid lines, not text.
    if (!hit && start >= 0) { if ((y - start) / scale >= 5) runs.push((y - start) / scale); start = -1; }
  }
  return { scale, runs, reach };
}

// Progressive touches only: the pages work without this file.
const WIDE = window.matchMedia("(min-width: 801px)");

document.addEventListener("DOMContentLoaded", () => {
  // Re-sort as soon as another order is chosen.
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  // A copy button for the citation line.
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(field.value);
      button.textContent = button.dataset.copied || button.textContent;
    });
  }
  // The filters stand beside the results on a wide screen; on a phone they wait behind a button.
  const filters = document.getElementById("filters");
  if (filters) {
    filters.open = WIDE.matches;
    WIDE.addEventListener("change", () => { filters.open = WIDE.matches; });
  }
});

// Backup codes page: a print button, shown only when JavaScript runs.
document.querySelectorAll(".tweestaps-print").forEach((knop) => {
  knop.hidden = false;
  knop.addEventListener("click", () => window.print());
});

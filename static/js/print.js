// Progressive enhancement: without JavaScript the hint to use the browser's print option remains.
document.querySelectorAll("[data-hz-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});

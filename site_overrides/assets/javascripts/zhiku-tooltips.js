/* zhiku: Escape hides a term link's tooltip, without moving the focus or the pointer (WCAG 1.4.13,
   content on hover or focus must be dismissible). Material's content.tooltips shows the tooltip while
   its link is focused or hovered and has no key for it. The tooltip stays hidden until it is shown
   again: Material makes a new one each time the link gains focus or the pointer. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll('.md-tooltip2--active[role="tooltip"]').forEach(function (tooltip) {
    tooltip.style.visibility = "hidden";
  });
});

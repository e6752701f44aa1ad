// The storefront's own script, the same in every variant: a little work a real theme does.
document.querySelectorAll('.tile').forEach((tile) => {
  tile.addEventListener('mouseenter', () => tile.classList.add('hover'));
  tile.addEventListener('mouseleave', () => tile.classList.remove('hover'));
});

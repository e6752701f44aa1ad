// Proves the strict-CSP pages enforce: an inline style attribute and (under Trusted Types) an
// innerHTML assignment must be refused and reported. Reports like csp-driver.js.
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
let innerHtmlRefused = false;
const probe = document.createElement('div');
document.body.append(probe);
probe.setAttribute('style', 'color: red');
try {
  probe.innerHTML = '<b>x</b>';
} catch {
  innerHtmlRefused = true;
}
setTimeout(() => {
  const payload = { violations, innerHtmlRefused, inlineStyleApplied: getComputedStyle(probe).color === 'rgb(255, 0, 0)' };
  parent.postMessage({ source: 'vitrine-csp-driver', payload }, location.origin);
}, 300);

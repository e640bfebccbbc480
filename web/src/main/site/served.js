// A classic script, which a browser runs from file: too (the page's modules it refuses there): when the page
// was opened as a file, say that it needs a web server instead of leaving a blank page.
if (location.protocol === 'file:') {
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('message').textContent = 'This page needs a web server: its modules do not load from file:. '
      + 'Run jgrad playground, or serve this folder (for example: python3 -m http.server) and open it over http.';
  });
}

/* congkhai document page: on a wide screen the record, the lists of cited texts and the table of
   contents are open from the start; on a phone they stay folded, so the text starts on the first
   screen. Without script they are folded and open with a tap. Once the reader is a screen down,
   "Lên đầu trang" floats at the foot of the screen (without script it ends the page). */
(function () {
  'use strict';
  var back = document.querySelector('.back-to-top');
  if (back) {
    var place = function () { back.classList.toggle('floating', window.scrollY > window.innerHeight); };
    window.addEventListener('scroll', place, { passive: true });
    place();
  }
  if (!window.matchMedia || !window.matchMedia('(min-width: 60rem)').matches) { return; }
  var folds = document.querySelectorAll('details[data-open-wide]');
  for (var i = 0; i < folds.length; i += 1) { folds[i].open = true; }
})();

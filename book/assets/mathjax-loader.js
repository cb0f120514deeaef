// 노트북 페이지는 mkdocs-jupyter가 MathJax를 직접 불러온다. 그 밖의 페이지(용어집, 문제 해결)에 수식이 있으면
// 사이트에 함께 담은 MathJax 2를 불러온다. 인터넷에서 아무것도 받지 않는다.
(function () {
  var script = document.currentScript;
  if (window.MathJax || !document.querySelector(".arithmatex")) {
    return;
  }
  var base = script.src.replace(/mathjax-loader\.js.*$/, "");
  window.MathJax = {
    tex2jax: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true },
    showMathMenu: false,
  };
  var loader = document.createElement("script");
  loader.src = base + "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,local/course";
  document.head.appendChild(loader);
})();

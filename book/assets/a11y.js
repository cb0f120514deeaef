// 키보드로도 스크롤할 수 있게: 마크다운 페이지의 코드 블록에 초점을 줄 수 있게 한다.
// Material은 페이지를 그린 뒤 코드 블록을 다시 만들므로(복사 단추를 붙이는 등) 그 뒤에 정한다. document$는 Material의 페이지 신호다.
document$.subscribe(function () {
  document.querySelectorAll("pre > code").forEach(function (code) {
    if (!code.hasAttribute("tabindex")) {
      code.setAttribute("tabindex", "0");
    }
  });
});

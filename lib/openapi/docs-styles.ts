// The docs page's only stylesheet, inline (its Content-Security-Policy allows nothing else): system
// fonts, a sticky table of contents on wide screens, one column on narrow ones.

export const DOCS_STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;display:flex}
nav{width:18rem;flex:none;height:100vh;position:sticky;top:0;overflow:auto;padding:1rem;border-right:1px solid #d0d7de;background:#f6f8fa;font-size:13px}
nav ul{list-style:none;margin:0;padding:0}
nav ul ul{margin:.25rem 0 .75rem;padding-left:.5rem}
nav a{overflow-wrap:anywhere}
nav .title{font-weight:600;margin:0 0 1rem}
main{flex:1;min-width:0;max-width:70rem;padding:1rem 2rem 4rem}
a{color:#0969da}
a:focus-visible{outline:2px solid #0969da;outline-offset:2px}
h1{margin-top:0}
h2{border-bottom:1px solid #d0d7de;padding-bottom:.25rem;margin-top:2.5rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
h4{margin:1rem 0 .25rem;font-size:.95rem}
h5{margin:0;font-size:.9rem;font-weight:normal;display:flex;gap:.5rem;align-items:baseline}
h5 p{margin:0}
article{border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:1rem 0}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
p code,li code,td code,dd code{background:#eff1f3;padding:0 .25em;border-radius:4px}
pre.schema{background:#f6f8fa;border-radius:6px;padding:.5rem .75rem;overflow:auto;margin:.25rem 0}
pre .c{color:#57606a}
pre .k{color:#953800}
.method{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;padding:0 .4em;color:#fff;font:600 12px/1.8 ui-monospace,monospace}
.get{background:#1a7f37}.post{background:#0969da}.put{background:#9a6700}.patch{background:#8250df}.delete{background:#cf222e}.options,.head{background:#57606a}
.summary{font-weight:600;margin:.25rem 0}
.auth{color:#57606a;font-size:.9rem}
.media{margin:.25rem 0 0;color:#57606a;font-size:.85rem}
.none{color:#57606a;font-size:.9rem;margin:.25rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
td pre.schema{margin:0;padding:.1rem .4rem;background:none}
td p{margin:0}
.response{border-left:4px solid #d0d7de;padding:.25rem .75rem;margin:.5rem 0}
.s2{border-color:#1a7f37}.s4{border-color:#9a6700}.s5{border-color:#cf222e}
.status{font:600 13px ui-monospace,monospace}
.headers{margin:.25rem 0;font-size:.85rem}
@media (max-width:60rem){body{display:block}nav{position:static;width:auto;height:auto;border-right:0;border-bottom:1px solid #d0d7de}main{padding:1rem}}
`;

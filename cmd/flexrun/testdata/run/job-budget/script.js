console.log("before");
let n = 0;
while (true) { n++; }

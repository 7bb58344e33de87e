import puppeteer from "puppeteer-core";
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
const page = await browser.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.goto("file:///work/wt/web/out/web/index.html");
await new Promise((r) => setTimeout(r, 5000));
console.log(await page.evaluate(() => [document.body.dataset.state, document.querySelector("#progress span").textContent, document.querySelectorAll("tbody tr").length]));
await browser.close();

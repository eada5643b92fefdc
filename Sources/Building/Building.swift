// Building

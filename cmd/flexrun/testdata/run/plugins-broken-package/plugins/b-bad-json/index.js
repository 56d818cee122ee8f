console.log("b never runs")

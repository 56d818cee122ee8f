console.log("c never runs")

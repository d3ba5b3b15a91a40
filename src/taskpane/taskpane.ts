/* The task pane. A placeholder until the presets land. */
Office.onReady((info) => {
  const status = document.getElementById("status");
  if (status) {
    status.textContent =
      info.host === Office.HostType.Excel
        ? "AICOST functions are ready: type =AICOST. in a cell."
        : "Open this add-in in Excel to use the AICOST functions.";
  }
});

/* Development and production URLs of the add-in's files. */
const devServerPort = Number(process.env.npm_package_config_dev_server_port || 3000);
const devUrl = `https://localhost:${devServerPort}/`;
/** Where the production build is hosted; set AICOST_PROD_URL when deploying. */
const prodUrl = (process.env.AICOST_PROD_URL || "https://aicost.example.com/").replace(/\/?$/, "/");

/** Replaces every localhost URL (any scheme and port), not only the first. */
function toProductionUrls(text) {
  return text.replace(/https?:\/\/localhost(?::\d+)?\//g, prodUrl);
}

module.exports = { devServerPort, devUrl, prodUrl, toProductionUrls };

import { type CodesOf, defineErrors } from '../../common/errors';

export const MARKET_ERRORS = defineErrors({
  'market/file-unreadable': ['无法读取该文件：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件', 'The file cannot be read: upload CSV (UTF-8 or GBK) or Excel (.xlsx)', 400],
  'market/file-too-large': ['文件过大，网页上传最多 200 MB；更大的文件请用命令行导入', 'The file is too large: at most 200 MB through the web; import larger files from the command line', 413],
  'market/import-not-found': ['导入记录不存在', 'Import not found', 404],
  'market/mapping-invalid': ['列对应关系无效：名称 1 到 30 个字，每列对应一个已知字段', 'Invalid column mapping: a name of 1 to 30 characters, each header mapped to a known field', 400],
  'market/mapping-unknown': ['没有这个列对应关系', 'No such column mapping', 400],
  'market/commodity-unknown': ['未知的品种', 'Unknown commodity', 404],
  'market/subscription-invalid': ['提醒设置无效：价格须为正数，涨跌幅须在 0 到 1000% 之间（最多两位小数），市场须存在', 'Invalid alert: a positive price, a move between 0 and 1000 % (two decimals at most), an existing market', 400],
  'market/market-unknown': ['未知的市场', 'Unknown market', 404],
  'market/report-invalid': ['报价有误，请按提示修改（日期不早于 7 天前，每次最多 50 条）', 'Some quotes are wrong; correct them as shown (dates within the last 7 days, at most 50 quotes)', 400],
  'market/flows-invalid': ['进出口数据有误，未导入任何数据：请按各行提示修改后重新上传', 'Some import/export rows are wrong and nothing was imported: correct the rows shown and upload again', 400],
  'market/flows-too-large': ['文件过大：进出口数据文件最多 5 MB', 'The file is too large: import/export figure files are at most 5 MB', 413],
  'market/webhook-invalid': ['提醒推送地址无效：须为 https 地址（不含用户名密码，最多 500 字），且不能指向内网', 'Invalid webhook address: an https URL (no credentials, at most 500 characters) that does not point into a private network', 400],
  'market/webhook-missing': ['尚未设置提醒推送地址', 'No webhook address is set', 400],
  'market/too-many-subscriptions': ['最多订阅 100 条价格提醒', 'At most 100 price alerts', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof MARKET_ERRORS> {}
}

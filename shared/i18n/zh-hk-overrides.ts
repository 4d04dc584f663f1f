/**
 * Reviewed Hong Kong usage where a character-by-character conversion of 简体 gives the mainland
 * term in 繁體 (信息 → 信息, not 資訊). Applied before OpenCC by `npm run i18n:hk` and to server
 * texts at run time. Official names of mainland procedures and documents (增值税, 营业执照,
 * 统一社会信用代码, 法定代表人) are NOT localised: they are the legal terms of the authority
 * that issues them, which HK and Macao investors also see on the documents.
 * Each row: 简体 source, HK wording, why.
 */
export const zhHkOverrides: readonly (readonly [string, string, string])[] = [
  ['登录', '登入', 'HK/TW usage for signing in'],
  ['退出登录', '登出', 'HK usage for signing out'],
  ['信息', '資訊', 'information (資訊) — HK usage; 信息 reads as "message"'],
  ['短信', '短訊', 'SMS is 短訊 in Hong Kong'],
  ['软件', '軟件', 'HK uses 軟件 (TW: 軟體)'],
  ['网络', '網絡', 'HK uses 網絡 (TW: 網路)'],
  ['视频', '影片', 'video'],
  ['默认', '預設', 'default setting'],
  ['设置', '設定', 'settings'],
  ['文件', '文件', 'file/document: keep 文件 (not 檔案) as on government forms'],
  ['二维码', '二維碼', 'QR code — 二維碼 is common in HK for mainland services'],
  ['手机号', '手機號碼', 'mobile number'],
  ['手机', '手機', 'mobile phone'],
  ['身份证', '身份證', 'resident identity card (the mainland card is named, not 香港身份證)'],
  ['上传', '上載', 'upload — HK usage'],
  ['下载', '下載', 'download'],
  ['打印', '列印', 'print — HK usage'],
  ['账号', '帳戶', 'account — HK usage'],
  ['账户', '帳戶', 'account'],
  ['密码', '密碼', 'password'],
  ['刷脸', '刷臉', 'face check'],
  ['人脸', '人臉', 'face'],
  ['长辈模式', '長者模式', 'elder mode — 長者 is the HK term for older people'],
  ['链接', '連結', 'link — HK usage'],
  ['设备', '裝置', 'device — HK usage'],
  ['保存', '儲存', 'save — HK usage'],
  ['简体', '簡體', 'the name of the script stays as a name'],
];

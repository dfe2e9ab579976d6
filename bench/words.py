"""The fixed vocabulary synthetic catalogs are made of: Japanese/English pairs.

Modelled on the real SMS error-code page: short nouns of an API's domain, message
patterns as the page phrases them, and the group labels its tables use. Every entry is a
``(ja, en)`` pair so the two languages of a message say the same thing.
"""

from __future__ import annotations

Pair = tuple[str, str]

NOUNS: tuple[Pair, ...] = (
    ("テンプレート", "template"),
    ("テンプレートID", "template ID"),
    ("添付ファイル", "attached file"),
    ("受信者", "recipient"),
    ("受信者番号", "recipient number"),
    ("発信番号", "sender number"),
    ("カテゴリー", "category"),
    ("カテゴリーID", "category ID"),
    ("タイトル", "title"),
    ("本文", "body"),
    ("リクエストID", "request ID"),
    ("統計範囲", "statistics range"),
    ("アプリケーションキー", "appkey"),
    ("メッセージ", "message"),
    ("送信タイプ", "delivery type"),
    ("パラメータ", "parameter"),
    ("照会範囲", "query range"),
    ("日付形式", "date format"),
    ("タグ", "tag"),
    ("受信拒否番号", "call-reject number"),
    ("送信リクエスト", "delivery request"),
    ("ファイルグループキー", "file group key"),
    ("コールバックURL", "callback URL"),
    ("端末", "device"),
    ("サービスタイプ", "service type"),
    ("認証トークン", "auth token"),
    ("プロジェクト", "project"),
    ("メンバー", "member"),
    ("IPアドレス", "IP address"),
    ("送信結果", "delivery result"),
    ("予約日時", "reservation date"),
    ("キュー", "queue"),
    ("レポート", "report"),
    ("ブロードキャスト", "broadcast"),
    ("文字コード", "charset"),
    ("シークレットキー", "secret key"),
    ("Webhook URL", "webhook URL"),
    ("広告メッセージ", "advertising message"),
    ("国番号", "country code"),
    ("送信者名", "sender name"),
    ("件名", "subject"),
    ("宛先リスト", "recipient list"),
    ("ユーザーID", "user ID"),
    ("アカウント", "account"),
    ("APIバージョン", "API version"),
    ("リクエスト本文", "request body"),
    ("ヘッダー", "header"),
    ("署名", "signature"),
    ("有効期限", "expiry date"),
    ("Excelファイル", "Excel file"),
    ("CSVファイル", "CSV file"),
    ("通知設定", "notification setting"),
    ("配信チャネル", "delivery channel"),
    ("テストモード", "test mode"),
    ("課金情報", "billing information"),
    ("メッセージキー", "message key"),
    ("返信番号", "callback number"),
    ("基地局", "base station"),
    ("移動体通信事業者", "telecom provider"),
    ("アドレス帳", "address book"),
)

# ``{A}``/``{a}``: a noun (capitalised / as is in English), ``{B}``/``{b}``: a second noun,
# ``{n}``: a number, ``{t}``: a delivery type, ``{x}``/``{y}``: request field names.
PATTERNS: tuple[Pair, ...] = (
    ("{A}が空の場合", "{A} is missing"),
    ("無効な{A}", "Invalid {a}"),
    ("{A}が無効な場合", "{A} is invalid"),
    ("{A}が{n}文字を超える場合", "{A} exceeds {n} characters"),
    ("{A}の{B}が無効な場合", "Invalid {b} of {a}"),
    ("すでに登録されている{A}", "Already-registered {a}"),
    ("すでに削除されている{A}", "{A} already deleted"),
    ("{A}が存在しない場合", "{A} does not exist"),
    ("システムエラー({A}の保存失敗)", "System error (failed to save {a})"),
    ("{A}と{B}が一致しない場合", "{A} does not match the {b}"),
    ("送信タイプが{t}で、{A}が{n}文字を超える場合", "{A} exceeds {n} characters for {t} delivery"),
    (
        "サービスタイプが{t}の場合、{A}に{B}がない場合",
        "When the service type is {t}, the {a} has no {b}",
    ),
    ("必須パラメータが空の場合({x}または{y})", "Required parameters are missing ({x} or {y})"),
    ("{A}({x})が無効な場合", "{A} ({x}) is invalid"),
    ("{A}の{B}が{n}件を超える場合", "The number of {b}s in the {a} is over {n}"),
    ("{A}の取得に失敗しました", "Failed to get the {a}"),
    ("{A}の作成に失敗した場合", "Failed to create the {a}"),
    ("{B}に含まれていない{A}", "{A} not included in the {b}"),
    ("許可されていない{A}", "Not allowed {a}"),
    ("{A}が使用されていない", "{A} is not in service"),
    ("{A}のサイズが{n}KBを超える場合", "{A} is sized {n}KB or more"),
    ("{A}の形式エラー", "{A} format error"),
    ("{A}がない", "No {a}"),
    ("一時的な{A}の問題", "Temporary issue of the {a}"),
    ("{A}の送信権限がない", "No permission to send the {a}"),
    ("{A}を{B}より前に設定した場合", "The {a} is set earlier than the {b}"),
    ('{A}に"{x}"が指定されていない場合', 'The {a} does not specify "{x}"'),
    (
        "{A}に許可されていない文字(Emojiなど)が含まれている場合",
        "The {a} includes characters that are not allowed (e.g. emojis)",
    ),
)

# Appended to some messages, for length variety.
SUFFIXES: tuple[Pair, ...] = (
    ("(最大: {n})", " (Max: {n})"),
    ("(修正/削除時)", " (to modify/delete)"),
    ("(登録時)", " (to register)"),
    ("(サーバーエラー)", " (server error)"),
    ("。{A}の設定を確認してください", ". Check the settings of the {a}"),
    ("(例: {x})", " (e.g. {x})"),
    ("。しばらくしてから再試行してください", ". Retry after a while"),
)

DELIVERY_TYPES: tuple[str, ...] = ("SMS", "LMS", "MMS", "LMS/MMS", "MMS MT", "LMS MT", "RCS")

FIELDS: tuple[str, ...] = (
    "requestId",
    "startRequestDate",
    "endRequestDate",
    "mtPr",
    "sendNo",
    "recipientSeq",
    "templateId",
    "senderGroupingKey",
    "recipientGroupingKey",
    "categoryId",
    "useYn",
    "attachFileIdList",
    "statsId",
    "messageType",
    "contentType",
)

# (ja, en, curated name): the `service` groups of the API response code table.
SERVICES: tuple[tuple[str, str, str], ...] = (
    ("共通", "Common", "COMMON"),
    ("送信/照会", "Send/Query", "SEND_QUERY"),
    ("テンプレート", "Template", "TEMPLATE"),
    ("カテゴリー", "Category", "CATEGORY"),
    ("発信番号登録リクエスト", "Request for Sender Number Registration", "SENDER_NUMBER_REQUEST"),
    ("発信番号", "Sender Number", "SENDER_NUMBER"),
    ("統計", "Statistics", "STATISTICS"),
    ("080受信拒否", "080 Call Rejection", "CALL_REJECTION_080"),
    ("タグ", "Tag", "TAG"),
    ("アドレス帳", "Address Book", "ADDRESS_BOOK"),
    ("予約送信", "Scheduled Delivery", "SCHEDULED_DELIVERY"),
    ("Webhook", "Webhook", "WEBHOOK"),
    ("認証", "Authentication", "AUTHENTICATION"),
    ("課金", "Billing", "BILLING"),
    ("大量送信", "Mass Delivery", "MASS_DELIVERY"),
    ("国際SMS", "International SMS", "INTERNATIONAL_SMS"),
)

CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("移動体通信事業者", "Telecom Provider", "TELECOM_PROVIDER"),
    ("IB G/W", "IB G/W", "IB_GATEWAY"),
    ("IB EMMA", "IB EMMA", "IB_EMMA"),
)

CLASSIFICATIONS: tuple[tuple[str, str, str], ...] = (
    ("success", "success", "SUCCESS"),
    ("failure", "failure", "FAILURE"),
    ("Invalid", "Invalid", "INVALID"),
    ("Invalid-IB", "Invalid-IB", "INVALID_IB"),
)

# Product families beyond the first: (PascalCase prefix, ja, en).
PRODUCTS: tuple[tuple[str, str, str], ...] = (
    ("Sms", "SMS", "SMS"),
    ("Email", "メール", "Email"),
    ("Push", "プッシュ", "Push"),
    ("Talk", "トーク", "Talk"),
    ("Rcs", "RCS", "RCS"),
    ("Voice", "音声通話", "Voice"),
    ("Fax", "FAX", "Fax"),
    ("Chat", "チャット", "Chat"),
    ("Survey", "アンケート", "Survey"),
    ("Storage", "ストレージ", "Storage"),
    ("Compute", "コンピュート", "Compute"),
    ("Gateway", "ゲートウェイ", "Gateway"),
    ("Billing", "課金", "Billing"),
    ("Identity", "認証基盤", "Identity"),
    ("Payment", "決済", "Payment"),
    ("Coupon", "クーポン", "Coupon"),
    ("Point", "ポイント", "Point"),
    ("Search", "検索", "Search"),
    ("Media", "メディア", "Media"),
    ("Video", "動画", "Video"),
    ("Image", "画像", "Image"),
    ("Map", "地図", "Map"),
    ("Log", "ログ", "Log"),
    ("Monitor", "監視", "Monitoring"),
    ("Backup", "バックアップ", "Backup"),
    ("Dns", "DNS", "DNS"),
    ("Cdn", "CDN", "CDN"),
    ("Queue", "キュー", "Queue"),
    ("Cache", "キャッシュ", "Cache"),
    ("Database", "データベース", "Database"),
    ("Analytics", "分析", "Analytics"),
    ("Certificate", "証明書", "Certificate"),
)

EMMA_DESCRIPTION: Pair = (
    (
        "EMMA Version: EMMA V3.3.0以上\n\n"
        "1)移動体通信事業者:移動体通信事業者に送信後に受け取った結果コード。\n\n"
        "2) IB G/W:Infobank G/Wがメッセージ受信後に伝達する結果コード。\n\n"
        "3) IB EMMA:EMMAがメッセージ送信リクエストに対して処理したエラーコード。"
    ),
    (
        "EMMA Version: EMMA V3.3.0 or higher\n\n"
        "1) Telecom Provider: Result codes received after transferred to telecom provider.\n\n"
        "2) IB G/W: Result codes delivered after Infobank G/W receives messages.\n\n"
        "3) IB EMMA: Error codes processed by EMMA regarding message delivery requests."
    ),
)

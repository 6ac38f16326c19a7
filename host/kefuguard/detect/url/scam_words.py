"""Words scammers put next to a brand in a domain name (combo-squatting), in pinyin, English and
the languages of other markets scammers work (Italian, Spanish, French, Portuguese, German, Dutch,
Polish, Czech, Turkish, Indonesian/Malay, Vietnamese written without accents, Russian transliterated,
Japanese in romaji, Thai romanized).

Chosen from how fake customer-service and refund sites name themselves, not from any test set.
"""

from __future__ import annotations

SCAM_WORDS = frozenset(
    {
        # pinyin: customer service, refund, compensation, cancel, official, service centre, security...
        "kefu",
        "kf",
        "tk",  # tuikuan (退款) abbreviated, as kf is kefu: zfb-tk
        "tuikuan",
        "tuihuo",
        "tuifei",
        "lipei",
        "peifu",
        "peichang",
        "buchang",
        "zhuxiao",
        "guanfang",
        "fuwu",
        "zhongxin",
        "anquan",
        "dongjie",
        "jiedong",
        "yanzheng",
        "renzheng",  # certification (认证)
        "shenhe",
        "fanxian",
        "hongbao",
        "jiangli",
        "zhongjiang",
        "daikuan",
        "jiekuan",
        "xinyong",
        "baozhang",
        "kuaidi",
        "wuliu",
        "dingdan",
        "yichang",
        "zhanghu",
        "huiyuan",
        "quxiao",
        "xufei",
        "jinrong",
        "weixiu",
        "shouhou",
        "jiefeng",  # unblock (解封)
        "zhengxin",  # credit record (征信): "cancel it or your credit suffers"
        "yunfeixian",  # shipping insurance (运费险) refunds
        "jifen",  # points (积分): "your points expire today, redeem them here"
        "duihuan",  # redeem (兑换)
        "jf",  # jifen abbreviated: 10086jf
        "baozhengjin",  # deposit (保证金): "pay a deposit to unfreeze"
        "yajin",  # deposit (押金)
        "tixian",  # withdraw (提现)
        "jiebang",  # unbind (解绑)
        "shouxufei",  # handling fee (手续费)
        "weiyuejin",  # penalty (违约金)
        "tuipiao",  # ticket refunds (退票)
        "gaiqian",  # ticket changes (改签)
        "xueshengdai",  # student loans (学生贷): "cancel your student-loan account"
        "baoxian",
        # task and subsidy lures: rebates, price-cut help, brushing orders, likes for pay, part-time
        # jobs, commissions, subsidies, lucky draws, "claim it here"
        "fanli",
        "kanjia",
        "zhuli",
        "shuadan",
        "dianzan",
        "jianzhi",
        "fanyong",
        "yongjin",
        "butie",
        "choujiang",
        "lingqu",
        # English
        "refund",
        "refunds",
        "claim",
        "claims",
        "compensation",
        # a bill charged too much, the refund lure of telecom and utility texts: 'you were overcharged'
        "overcharge",
        "overcharged",
        "overpaid",
        "overpayment",
        "support",
        "service",
        "services",
        "customer",
        "care",
        "help",
        "helpdesk",
        "helpline",
        "contact",
        "secure",
        "security",
        "safe",
        "safety",
        "login",
        "logon",
        "signin",
        "register",
        "registration",
        "verify",
        "verification",
        "validate",
        "confirm",
        "account",
        "accounts",
        "update",
        "unlock",
        "unblock",
        "recover",
        "recovery",
        "auth",
        "payment",
        "payments",
        "billing",
        "invoice",
        "wallet",
        "vip",
        "reward",
        "rewards",
        "bonus",
        "gift",
        "gifts",
        "prize",
        "winner",
        "cancel",
        "cancellation",
        "order",
        "orders",
        "track",
        "tracking",
        "delivery",
        "parcel",
        "package",
        "shipping",
        "redelivery",
        "reship",
        "official",
        "center",
        "centre",
        "cs",
        "hotline",
        "kyc",
        "activate",
        "suspended",
        "locked",
        "alert",
        "alerts",  # chase-alerts: the bank's 'alerts' about a payment to stop
        "notice",
        "notification",  # anz-notification: the bank's 'notification' that needs you to log in
        "notifications",
        "fee",
        "appeal",  # account appeals: facebook-appeal
        "dispute",
        "protection",  # buyer protection
        "reschedule",
        "customs",
        "shipment",
        "reactivate",
        "password",
        "giveaway",
        "airdrop",
        "voucher",
        "survey",
        # fake apps and screen sharing: "download this meeting app and share your screen"
        "download",
        "setup",  # tech-support sites that 'set up' a brand's software for a fee: office-setup, setupoffice365
        "xiazai",
        "apk",
        "meeting",
        "huiyi",
        # fines, tolls and taxes: "your toll is unpaid", "a parcel awaits redelivery", "claim your tax rebate"
        "toll",
        "tolls",
        "tax",
        "rebate",
        "citation",
        "citations",
        "violation",
        "violations",
        "unpaid",
        "overdue",
        "penalty",
        # Italian: verify, confirm, customers, assistance, refund, unblock, access, data, payment
        "verifica",
        "conferma",
        "identificazione",  # identification: the bank needs to identify you again
        "restrizione",  # restriction: your account has been restricted
        "aggiornamento",  # update
        "tracciamento",  # parcel tracking
        "cliente",
        "clienti",
        "assistenza",
        "rimborso",
        "sblocco",
        "accesso",
        "dati",
        "pagamento",
        "spedizione",
        "pacco",
        "sicurezza",  # security
        "avviso",  # notice: 'avviso di sicurezza'
        "aggiorna",  # update (the imperative the texts use)
        "notifica",  # notice
        "blocco",  # block: 'il tuo conto è bloccato'
        "sospeso",  # suspended
        "sospensione",
        "riattivazione",  # reactivation
        "riattiva",
        # Spanish
        "verificar",
        "verificacion",
        "reembolso",
        "pago",
        "pagos",
        "soporte",
        "acceso",
        "seguridad",
        "bloqueo",
        "desbloqueo",
        "actualizar",
        "actualizacion",
        "envio",
        "paquete",
        "clientes",
        "multa",
        "bloqueado",  # blocked
        "suspendido",  # suspended
        "suspension",
        "aviso",  # notice
        "validar",  # validate
        "validacion",
        "confirmar",  # confirm (Spanish, Portuguese)
        "confirmacion",
        "devolucion",  # refund, return
        "premio",  # prize (Spanish, Italian, Portuguese)
        "sorteo",  # draw
        # French
        "aide",
        "compte",
        "verif",
        "remboursement",
        "colis",
        "livraison",
        "paiement",
        "securite",
        "acces",
        "espaceclient",  # the customer area (espace client) banks and agencies log you into
        "espaceclients",
        "securise",  # secured (sécurisé)
        "facture",
        "amende",
        "verification",
        "validation",
        "suspendu",  # suspended
        "alerte",
        "confirmer",
        "confirmation",
        "miseajour",  # update (mise à jour)
        "authentification",
        "securisation",
        "cadeau",  # gift
        # Portuguese
        "verificacao",
        "encomenda",
        "entrega",
        "seguranca",
        "desbloqueio",
        "atualizar",
        "atualizacao",
        "rastreio",  # parcel tracking
        "rastreamento",
        "bloqueio",  # block
        "suspenso",  # suspended
        "sorteio",  # draw
        "restituicao",  # refund; Brazil's income-tax refund (restituição)
        "regularizar",  # settle: 'regularize your CPF or your debt'
        "regularizacao",
        "pendencia",  # an outstanding matter (pendência)
        # German
        "konto",
        "kunden",
        "kundenservice",
        "sicherheit",
        "verifizierung",
        "zahlung",
        "paket",
        "sendung",
        "erstattung",
        "rueckerstattung",
        "bestaetigung",
        "zugang",  # access: 'your access is blocked'
        "bestaetigen",  # confirm (bestätigen), with the umlaut written out or dropped
        "bestatigen",
        "sendungsverfolgung",  # shipment tracking
        "paketverfolgung",
        "paketverfolgen",
        "versandverfolgung",
        "entsperren",
        "entsperrung",  # unblocking
        "freischalten",  # unlock, activate
        "aktualisierung",  # update
        "aktualisieren",
        "legitimation",  # the bank's re-identification of a customer: 'your legitimation has expired'
        "sperre",  # block
        "sperrung",
        "benachrichtigung",  # notification
        "verifikation",
        "datenabgleich",  # a comparison of the customer's data
        "pushtan",  # a savings bank's approval app: 'renew your pushTAN'
        # Indonesian / Malay
        "verifikasi",
        "pembayaran",
        "pengembalian",
        "layanan",
        "pelanggan",
        "akun",
        "blokir",
        "hadiah",
        "tagihan",
        "bantuan",
        "keamanan",  # security
        "pembaruan",  # update
        "konfirmasi",  # confirm
        "klaim",  # claim
        "undian",  # lucky draw
        "pemblokiran",  # blocking
        "aktivasi",  # activation
        "pemulihan",  # recovery
        # Vietnamese, without accents: customer care (chăm sóc khách hàng), support, verify, refund,
        # account, credit, unsecured loan, customer, service
        "cskh",
        "hotro",
        "xacminh",
        "hoantien",
        "taikhoan",
        "tindung",
        "tinchap",
        "khachhang",
        "dichvu",
        "baomat",  # security (bảo mật)
        "dangnhap",  # log in (đăng nhập)
        "xacthuc",  # authenticate (xác thực)
        "nhanqua",  # receive a gift (nhận quà)
        "tritan",  # gratitude (tri ân): 'a gift to thank our customers'
        "uudai",  # a special offer (ưu đãi)
        "nhanthuong",  # receive a reward (nhận thưởng)
        "hoanphi",  # a refund of fees (hoàn phí)
        "xacnhan",  # confirm (xác nhận)
        "kichhoat",  # activate (kích hoạt)
        "capnhat",  # update (cập nhật)
        "hanmuc",  # a credit limit (hạn mức): 'raise your card's limit'
        "nanghanmuc",
        # Japanese romaji: confirm (確認), payment (支払い), missed delivery (不在), suspended (停止),
        # renewal (更新), procedure (手続き), billing (請求)
        "kakunin",
        "shiharai",
        "fuzai",
        "teishi",
        "koushin",
        "tetsuzuki",
        "seikyu",
        "honninkakunin",  # identity confirmation (本人確認)
        "riyoteishi",  # use suspended (利用停止)
        "henkin",  # refund (返金)
        "mibarai",  # unpaid (未払い)
        "fuseiriyo",  # unauthorized use (不正利用)
        # Thai, romanized: confirm (ยืนยัน), refund (คืนเงิน), loan (สินเชื่อ)
        "yuenyan",
        "khuenngoen",
        "sinchuea",
        # Dutch: payment, pay, parcel, delivery, shipment, verification, refund, customer service,
        # log in, security, confirm
        "betaling",
        "betalen",
        "pakket",
        "bezorging",
        "zending",
        "verificatie",
        "terugbetaling",
        "klantenservice",
        "inloggen",
        "beveiliging",
        "bevestigen",
        # Polish, without accents: delivery, parcel, payment, surcharge, refund, verification, log in
        "dostawa",
        "przesylka",
        "paczka",
        "platnosc",
        "doplata",
        "zwrot",
        "weryfikacja",
        "logowanie",
        # Czech, without accents: payment, verification, parcel, delivery, refund, log in
        "platba",
        "overeni",
        "zasilka",
        "doruceni",
        "vraceni",
        "prihlaseni",
        # Russian, transliterated: delivery, payment, refund, parcel, compensation, payout
        "dostavka",
        "oplata",
        "vozvrat",
        "posylka",
        "kompensaciya",
        "kompensatsiya",
        "vyplata",
        # Turkish, without accents: payment, verification
        "odeme",
        "dogrulama",
    }
)
# everyday shop words: next to a brand they make a reseller or a fake, a weaker signal than SCAM_WORDS
WEAK_WORDS = frozenset(
    {
        "shop",
        "shops",
        "mall",
        "store",
        "stores",
        "online",
        "member",
        "members",
        "pay",
        "club",
        "deal",
        "deals",
        "sale",
        "sales",
        "card",
        "cards",
        "coupon",
        "coupons",
        "promo",
        "discount",
        "cash",
        "loan",
        "loans",
        "prime",
        "plus",
        "gold",
        "bank",
        "mobile",
        "mob",  # mobile abbreviated, as banks name their apps' sites: uob-mob
        "mail",
        "site",
        "group",
        "global",
        "express",
        "buy",
        "buyer",
        "business",
        "gifts",
        "us",
        "uk",
        "ru",
        "de",
        "fr",
        "jp",
        "kr",
        "in",
        "br",
        "es",
        "it",
        "mx",
        "ca",
        "au",
        "tw",
        "sg",
        "my",
        "th",
        "vn",
        "id",
        "ph",
        "pl",
        "nl",
        "tr",
        "ae",
        "sa",
        "eu",
        "asia",
        "intl",
        "yuefu",  # pay monthly (美团月付, 抖音月付): "close it or be charged"
        "chongzhi",  # top up (充值)
        "find",  # icloud-find: Find My phishing
        "free",  # free-gift lures: fb-free-coins
        "game",
        "games",  # game-gift lures: fb-games-gifts
        "findmy",
    }
)
# the country codes among them (shope-tw), and those few words end with, which may be run on after
# a name (shopetw; not amazones, shoppingin: -es, -in, -us, -it, -id, -th end everyday words)
COUNTRY_CODES = frozenset(w for w in WEAK_WORDS if len(w) == 2 and w.isalpha())
TRAILING_COUNTRY_CODES = COUNTRY_CODES - {"us", "de", "in", "es", "it", "id", "my", "ca", "sa", "ae", "th"}
# glue that makes a brand look like a whole domain inside a label: taobaocom, wwwtaobao, m-taobao,
# and a government site's own ending worn by a .com (uspis-gov.com, 12306gov.cn)
FILLER_WORDS = frozenset({"www", "com", "co", "cn", "net", "org", "gov", "wap", "h5", "app", "m", "web", "hk"})
# Chinese words in IDN labels: 淘宝客服.com
SCAM_WORDS_ZH = (
    "客服", "退款", "理赔", "赔付", "注销", "官方", "安全", "售后", "人工", "退费", "冻结", "验证",
    "返利", "砍价", "助力", "刷单", "兼职", "补贴", "抽奖", "领取", "中奖", "返现",
)  # fmt: skip

# two-letter country endings that are sold as generic ones and favoured by throwaway sites
GENERIC_CCTLDS = frozenset(
    {
        "co",
        "io",
        "cc",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "me",
        "tv",
        "ws",
        "la",
        "to",
        "ai",
        "gg",
        "sh",
        "su",
        "pw",
        "nu",
        "fm",
        "ly",
        "im",
        "vc",
        "st",
        "so",
        "bz",
        "cx",
        "ms",
        "gs",
        "tc",
        "vg",
        "mn",
        "ag",
        "sc",
        "lc",
        "cm",
    }
)

# Words of the scam scripts themselves, glossed for the reason a user reads. A site named with two of
# them and nothing else (zhuxiao-daikuan: "cancel loan", anquan-zhanghu: "safe account",
# kefu-tuikuan, refund-claim) is a warning even when it names no brand: ordinary businesses do not
# call themselves that. Generic words (service, support, center, order, account) are not here.
STRONG_SCAM_WORDS: dict[str, tuple[str, str]] = {
    "kefu": ("customer service", "客服"),
    "tuikuan": ("refund", "退款"),
    "tuifei": ("refund of fees", "退费"),
    "tuipiao": ("ticket refund", "退票"),
    "lipei": ("compensation", "理赔"),
    "peifu": ("compensation", "赔付"),
    "peichang": ("compensation", "赔偿"),
    "buchang": ("compensation", "补偿"),
    "zhuxiao": ("cancel an account", "注销"),
    "quxiao": ("cancel", "取消"),
    "dongjie": ("frozen", "冻结"),
    "kuaidi": ("courier", "快递"),
    "jiedong": ("unfreeze", "解冻"),
    "jiefeng": ("unblock", "解封"),
    "zhengxin": ("credit record", "征信"),
    "daikuan": ("loan", "贷款"),
    "jiekuan": ("loan", "借款"),
    "xueshengdai": ("student loan", "学生贷"),
    "yunfeixian": ("shipping insurance", "运费险"),
    "shuadan": ("order brushing", "刷单"),
    "fanyong": ("commission", "返佣"),
    "zhanghu": ("account", "账户"),
    "anquan": ("safe", "安全"),
    "yanzheng": ("verification", "验证"),
    "refund": ("refund", "退款"),
    "refunds": ("refunds", "退款"),
    "compensation": ("compensation", "赔偿"),
    "claim": ("claim", "索赔"),
    "claims": ("claims", "索赔"),
    "cancel": ("cancel", "取消"),
    "cancellation": ("cancellation", "取消"),
    "unlock": ("unlock", "解锁"),
    "unblock": ("unblock", "解封"),
    "verify": ("verify", "验证"),
    "verification": ("verification", "验证"),
    "suspended": ("suspended", "停用"),
    "reactivate": ("reactivate", "重新激活"),
    "kyc": ("identity check", "身份核验"),
    "toll": ("road toll", "通行费"),
    "tolls": ("road tolls", "通行费"),
    "rebate": ("rebate", "返款"),
    "customs": ("customs duty", "海关关税"),
    "parcel": ("parcel", "包裹"),
    "redelivery": ("redelivery", "重新派送"),
    "citation": ("traffic citation", "交通罚单"),
    "citations": ("traffic citations", "交通罚单"),
    "violation": ("violation", "违章"),
    "violations": ("violations", "违章"),
    "unpaid": ("unpaid", "未支付"),
    "overdue": ("overdue", "逾期"),
    "penalty": ("penalty", "罚款"),
    "rimborso": ("refund (Italian)", "退款（意大利语）"),
    "reembolso": ("refund (Spanish, Portuguese)", "退款（西班牙语、葡萄牙语）"),
    "remboursement": ("refund (French)", "退款（法语）"),
    "rueckerstattung": ("refund (German)", "退款（德语）"),
    "erstattung": ("refund (German)", "退款（德语）"),
    "pengembalian": ("refund (Indonesian)", "退款（印尼语）"),
    "hoantien": ("refund (Vietnamese)", "退款（越南语）"),
    "sblocco": ("unblock (Italian)", "解锁（意大利语）"),
    "desbloqueo": ("unblock (Spanish)", "解锁（西班牙语）"),
    "desbloqueio": ("unblock (Portuguese)", "解锁（葡萄牙语）"),
    "entsperren": ("unblock (German)", "解锁（德语）"),
    "verifica": ("verify (Italian)", "验证（意大利语）"),
    "verificar": ("verify (Spanish)", "验证（西班牙语）"),
    "verifikasi": ("verify (Indonesian)", "验证（印尼语）"),
    "xacminh": ("verify (Vietnamese)", "验证（越南语）"),
}

# scam words that are also what any help desk calls itself: not enough, next to an everyday word
# that happens to be a brand's label (livehelp, office-support), to suggest that brand
SERVICE_WORDS = frozenset(
    {"help", "helpdesk", "helpline", "support", "service", "services", "customer", "care", "contact", "center"}
    | {"centre", "official", "hotline", "cs", "notice", "order", "orders", "track", "tracking", "update"}
    | {"cliente", "clienti", "clientes", "assistenza", "soporte", "aide", "kunden", "kundenservice", "layanan"}
    | {"pelanggan", "bantuan", "cskh", "hotro", "khachhang", "dichvu"}
)

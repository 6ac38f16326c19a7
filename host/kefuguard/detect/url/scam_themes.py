"""The themes of scam messages that send people to a throwaway site named for the theme alone, with no
brand in it: a tax refund, an unpaid toll or fine, a parcel held for customs or redelivery, an account
to verify or unlock, customer service and refunds. Each theme's words in the languages of the markets
those messages reach (English, pinyin, Italian, Spanish, French, Portuguese, German, Dutch, Polish,
Czech, Russian and Turkish transliterated, Indonesian, Vietnamese without accents, Japanese romaji)
and in Chinese for IDN labels.

A general vocabulary of each theme, chosen from what the agencies, couriers and banks the messages
imitate call these things, not from any test set. Every strong scam word (scam_words.py) belongs to
a theme, so a site named only with one of them under a throwaway ending gets this reason too.
"""

from __future__ import annotations

# theme -> what the site is named for, in English and Chinese (the reason's {theme_en}, {theme_zh})
THEMES: dict[str, tuple[str, str]] = {
    "tax": ("a tax refund or rebate", "退税或返款"),
    "toll": ("an unpaid toll or traffic fine", "未缴的通行费或交通罚款"),
    "parcel": ("a parcel held for customs duty or redelivery", "因关税或重新派送被扣留的包裹"),
    "account": ("an account to verify or unlock", "需要验证或解封的账户"),
    "refund": ("customer service, a refund or compensation", "客服、退款或理赔"),
    "cancel": ("cancelling an account, a loan or a membership", "注销账户、贷款或会员"),
    "task": ("paid tasks or commissions", "刷单或返佣"),
}

_WORDS_BY_THEME: dict[str, str] = {
    "tax": "tax taxes taxrefund taxreturn rebate rebates tuishui geshui steuer steuererstattung impots impot "
    "impuestos belasting podatek vergi pajak zeikin kanpu kyufukin nalog restituicao",
    "toll": "toll tolls etoll tolling peaje peajes pedagio peage pedaggio maut tongxingfei weizhang fakuan "
    "citation citations violation violations unpaid overdue penalty multa amende bussgeld",
    "parcel": "parcel parcels redelivery redeliver customs douane dogana aduana zoll alfandega beacukai gumruk "
    "tamozhnya haiguan baoguo kuaidi colis paket pacco paquete pakket paczka posylka zasilka encomenda "
    "saihaitatsu fuzai zustellung sendungsverfolgung paketverfolgung paketverfolgen versandverfolgung tracciamento "
    "rastreio rastreamento postale tracking",
    "account": "verify verification verifica convalida convalidare verificar verificacion verificacao verifikasi "
    "verifizierung "
    "verificatie weryfikacja overeni dogrulama xacminh yanzheng kakunin kyc unlock unblock suspended "
    "reactivate dongjie jiedong jiefeng zhanghu anquan sblocco desbloqueo desbloqueio entsperren bestaetigen "
    "bestatigen identificazione restrizione zugang espaceclient espaceclients legitimation honninkakunin "
    "riyoteishi konfirmasi xacnhan yuenyan verifikation sospensione suspendido suspendu",
    "refund": "henkin khuenngoen hoanphi "
    "kefu tuikuan tuifei tuipiao lipei peifu peichang buchang refund refunds compensation claim claims "
    "rimborso reembolso remboursement rueckerstattung erstattung pengembalian hoantien terugbetaling "
    "vozvrat zwrot vraceni yunfeixian",
    "cancel": "zhuxiao quxiao cancel cancellation daikuan jiekuan xueshengdai zhengxin",
    "task": "shuadan fanyong",
}
THEME_OF_WORD: dict[str, str] = {w: theme for theme, words in _WORDS_BY_THEME.items() for w in words.split()}

# words that are also the start or end of ordinary words or names (taxi, syntax, customshirts, zollverein,
# paketwisata, pacco, mautic, impotent, vergil, fuzaisu): they count only as a whole part of the name
WHOLE_PART_ONLY = frozenset(
    "tax taxes steuer impot podatek vergi pajak nalog maut multa amende customs zoll paket pacco fuzai "
    "kyc claim claims zwrot vozvrat anquan henkin".split()
)

# Chinese words of the same themes, for IDN labels (退税.top, 客服中心.xyz)
THEME_WORDS_ZH: dict[str, str] = {
    "退税": "tax",
    "个税": "tax",
    "返款": "tax",
    "通行费": "toll",
    "罚款": "toll",
    "违章": "toll",
    "罚单": "toll",
    "包裹": "parcel",
    "快递": "parcel",
    "海关": "parcel",
    "关税": "parcel",
    "派送": "parcel",
    "验证": "account",
    "认证": "account",
    "解封": "account",
    "冻结": "account",
    "解冻": "account",
    "账户": "account",
    "客服": "refund",
    "退款": "refund",
    "退费": "refund",
    "理赔": "refund",
    "赔付": "refund",
    "售后": "refund",
    "注销": "cancel",
    "刷单": "task",
    "返佣": "task",
}

# the two-letter codes of the US states and DC: unpaid-toll texts name the state whose toll agency they
# imitate (va-toll, iltolls, nytollservices)
US_STATE_CODES = frozenset(
    "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh "
    "ok or pa ri sc sd tn tx ut vt va wa wv wi wy".split()
)

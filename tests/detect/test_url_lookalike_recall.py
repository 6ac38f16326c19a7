"""Lookalike rules that catch two rounds of look-alike letters and brand + shop word labels, and the
legitimate neighbours they must leave alone (real embedded list)."""

from __future__ import annotations

import pytest

from kefuguard.detect.url.skeleton import letter_skeleton, loose_skeleton, skeleton
from tests.detect.url_support import assert_url_case

CASES = [
    # (url, level, reason code, brand)
    # Latin letters with a stroke, hook or tail, and small capitals, read as their base letter
    ("https://ɨƈloud.com/", "danger", "lookalike.homograph", "apple"),  # i with stroke, c with hook
    ("https://ʂhopeɇ.com/", "danger", "lookalike.homograph", "shopee"),  # s with hook, e with stroke
    ("https://ᴍeɨtuan.com/", "danger", "lookalike.homograph", "meituan"),  # small capital M
    ("https://ʙinance.com/", "danger", "lookalike.homograph", "binance"),
    ("https://əmazon.com/", "danger", "lookalike.homograph", "amazon"),  # schwa
    # two rounds of look-alikes whose sequence folds part ways: the letter-by-letter order
    ("https://clenecdn.com/", "caution", "lookalike.homograph", "eleme"),  # c/e, n/m before cl -> d
    ("https://eitiebank.com/", "caution", "lookalike.homograph", "citic"),
    ("https://bmbstatie.com/", "caution", "lookalike.homograph", "binance"),
    ("https://ic1oub.com/", "caution", "lookalike.homograph", "apple"),
    # loose folds to a fixed point: lc -> k makes an lk the brand itself folds
    ("https://tilctok.com/", "caution", "lookalike.homograph", "tiktok"),
    ("https://sllhopee.com/", "caution", "lookalike.homograph", "shopee"),
    # the longest brand token wins over a short one plus a shop word inside it
    ("https://jdpay-mall.com/", "caution", "lookalike.combo", "jd"),
    ("https://jdpay2.com/", "caution", "lookalike.combo", "jd"),
    ("https://ytoexpress-shop.com/", "caution", "lookalike.combo", "yto"),
    ("https://jdpay-kefu.com/", "danger", "lookalike.combo", "jd"),
    # short names: a first letter mistyped when the rest is no everyday word, a letter put in front
    ("https://xpple.com/", "caution", "lookalike.typosquat", "apple"),
    ("https://ckype.com/", "caution", "lookalike.typosquat", "microsoft"),
    ("https://vedex.com/", "caution", "lookalike.typosquat", "fedex"),
    ("https://sapple.com/", "caution", "lookalike.typosquat", "apple"),
    ("https://xtmall.com/", "caution", "lookalike.typosquat", "tmall"),
    # a government site's ending worn inside a .com label is domain glue
    ("https://uspis-gov.com/", "danger", "lookalike.combo", "usps"),
    ("https://uspisgov.com/", "danger", "lookalike.combo", "usps"),
    ("https://anz-notification.com/", "danger", "lookalike.combo", "anz"),  # a 'notification' to log in
    ("https://push-notifications.com/", "none", "none.unlisted", None),  # no brand: nothing
    ("https://setupoffice365.us/", "danger", "lookalike.combo", "microsoft"),  # paid 'setup' of a brand's software
    ("https://fb-games-gifts.com/", "danger", "lookalike.combo", "meta"),  # game-gift lure: games a shop word
    ("https://free-games-setup.com/", "none", "none.unlisted", None),  # the words alone name no brand
    # a disguised brand inside a combo: look-alike characters or one typo, next to scam words
    ("https://ta0bao-kefu.com/", "danger", "lookalike.combo", "taobao"),
    ("https://ta0baokefu.com/", "danger", "lookalike.combo", "taobao"),
    ("https://a1ipay-tu1kuan.com/", "danger", "lookalike.combo", "alipay"),  # the scam word disguised too
    ("https://paypaI-support.com/", "danger", "lookalike.combo", "paypal"),
    ("https://secure-paypa1.com/", "danger", "lookalike.combo", "paypal"),
    ("https://arnazon-refund.top/", "danger", "lookalike.combo", "amazon"),
    ("https://tmal1-kefu.cn/", "danger", "lookalike.combo", "tmall"),
    ("https://tа0bao-kefu.com/", "danger", "lookalike.combo", "taobao"),  # Cyrillic а and a zero
    ("https://taoboa-kefu.com/", "danger", "lookalike.combo", "taobao"),  # transposed
    ("https://taob4o-refund.com/", "danger", "lookalike.combo", "taobao"),
    ("https://pinduoudo-tuikuan.cn/", "danger", "lookalike.combo", "pinduoduo"),
    ("https://secure-paypa1.com.evil.io/", "danger", "lookalike.brand_subdomain", "paypal"),
    ("https://taoboa-kefu.shop.mallsite.net/", "danger", "lookalike.brand_subdomain", "taobao"),
    # names scammers use for a brand: pinyin of its Chinese short name, its abbreviation, its hotline
    ("https://gonghang-kefu.com/", "danger", "lookalike.combo", "icbc"),
    ("https://zhaohang-zhuxiao.cn/", "danger", "lookalike.combo", "cmb"),
    ("https://baitiao-zhuxiao.com/", "danger", "lookalike.combo", "jd"),
    ("https://pdd-tuikuan.com/", "danger", "lookalike.combo", "pinduoduo"),
    ("https://95588-kefu.com/", "danger", "lookalike.combo", "icbc"),
    # courier, account-appeal and marketplace-dispute scams; pinyin credit and insurance lures
    ("https://ups-delivery-reschedule.com/", "danger", "lookalike.combo", "ups"),
    ("https://facebook-appeal.com/", "danger", "lookalike.combo", "meta"),
    ("https://ebay-buyer-protection.com/", "danger", "lookalike.combo", "ebay"),
    ("https://aliexpress-dispute.com/", "danger", "lookalike.combo", "aliexpress"),
    ("https://taobao-yunfeixian.com/", "danger", "lookalike.combo", "taobao"),
    ("https://jd-zhengxin.com/", "danger", "lookalike.combo", "jd"),
    # the official domain's ending carried on by the site's own name; a disguised brand and a shop word
    ("https://apple.com-id.info/", "danger", "lookalike.embedded_domain", "apple"),
    ("https://m.10086-cn.com/", "danger", "lookalike.combo", "china_mobile"),
    ("https://appIe-id.com/", "caution", "lookalike.combo", "apple"),
    ("https://icloud-findmy.com/", "caution", "lookalike.combo", "apple"),
    # task, subsidy and giveaway lures (pinyin, Chinese IDN, English)
    ("https://pdd-kanjia.com/", "danger", "lookalike.combo", "pinduoduo"),
    ("https://douyin-dianzan.com/", "danger", "lookalike.combo", "douyin"),
    ("https://meituan-butie.com/", "danger", "lookalike.combo", "meituan"),
    ("https://拼多多砍价.com/", "danger", "lookalike.chinese_name", "pinduoduo"),
    ("https://binance-airdrop.com/", "danger", "lookalike.combo", "binance"),
    # Chinese and Latin in one IDN label: either language's brand name, either language's scam words
    ("https://淘宝kefu.com/", "danger", "lookalike.chinese_name", "taobao"),
    ("https://支付宝-refund.com/", "danger", "lookalike.chinese_name", "alipay"),
    ("https://taobao客服.com/", "danger", "lookalike.combo", "taobao"),
    ("https://jd客服.com/", "danger", "lookalike.combo", "jd"),
    ("https://taobao商城.com/", "caution", "lookalike.combo", "taobao"),
    ("https://淘宝客服.evil.com/", "danger", "lookalike.brand_subdomain", "taobao"),  # in front of another site
    ("https://taobao客服.example.com/", "danger", "lookalike.brand_subdomain", "taobao"),
    # legitimate neighbours stay quiet
    ("https://中文网.com/", "none", "none.unlisted", None),
    ("https://中文.example.com/", "none", "none.unlisted", None),
    ("https://blog.example-cn.com/", "none", "none.unlisted", None),
    ("https://win10000-bonus.com/", "none", "none.unlisted", None),  # a number inside a word is no hotline
    ("https://95533.com/", "none", "none.unlisted", None),  # a hotline alone names no site
    ("https://95588.cc/", "none", "none.unlisted", None),  # ICBC's number, not a slip of State Grid's 95598
    # a brand's other name as the whole site name, under an ending scammers buy; not under .com
    ("https://zhifubao.top/", "caution", "lookalike.brand_name", "alipay"),
    ("https://jingdong.cc/", "caution", "lookalike.brand_name", "jd"),
    ("https://gmail.com/", "none", "none.unlisted", None),  # the brand's own, even if unlisted
    ("https://zhifubao.com.cn/", "none", "none.unlisted", None),
    # named with words of a scam script alone, no brand: caution, and the words glossed
    ("https://zhuxiao-daikuan.com/", "caution", "lookalike.scam_words", None),  # cancel + loan
    ("https://xueshengdai-zhuxiao.com/", "caution", "lookalike.scam_words", None),
    ("https://anquanzhanghu.top/", "caution", "lookalike.scam_words", None),  # safe account
    ("https://kuaidi-lipei88.com/", "caution", "lookalike.scam_words", None),
    ("https://refund-claim.net/", "caution", "lookalike.scam_words", None),
    ("https://kefu-zhongxin.com/", "none", "none.unlisted", None),  # one strong word is not enough
    ("https://kuaidi100.com/", "verified", "official.domain", "kuaidi100"),  # a real courier tracker, now listed
    ("https://account-support.com/", "none", "none.unlisted", None),  # generic words only
    ("https://refundtracker.com/", "none", "none.unlisted", None),  # not every part a scam word
    # four-letter names with a letter typed twice (below Chrome's floor for other edits)
    ("https://icbcc.com/", "caution", "lookalike.typosquat", "icbc"),
    ("https://ebbay.com/", "caution", "lookalike.typosquat", "ebay"),
    ("https://temmu.top/", "caution", "lookalike.typosquat", "temu"),
    ("https://icba.com/", "none", "none.unlisted", None),  # other one-letter changes: left alone
    # a hyphen inside the brand name
    ("https://china-mobile-refund.com/", "danger", "lookalike.combo", "china_mobile"),
    ("https://refund-china-mobile.com/", "danger", "lookalike.combo", "china_mobile"),
    ("https://f-b-baoxian.com/", "none", "none.unlisted", None),  # a two-letter name formed by chance
    ("https://fastapi-cloudauth.com/", "none", "none.unlisted", None),  # icloud only across a part
    # a brand name as one whole part of a site under an ending scam sites favour, whatever the rest
    ("https://huabei-tie.top/up", "caution", "lookalike.combo", "alipay"),
    ("https://x7k2-jintiao.xyz/", "caution", "lookalike.combo", "jd"),
    ("https://huabei-tie.com/", "none", "none.unlisted", None),  # not under .com
    # two-letter abbreviations from the list: only as their own part, next to a scam word
    ("https://tb-kefu.com/", "danger", "lookalike.combo", "taobao"),
    ("https://dy-tuikuan.com/", "danger", "lookalike.combo", "douyin"),
    ("https://kefu-wx-88.top/", "danger", "lookalike.combo", "wechat"),
    ("https://tb-kefu.evil.com/", "danger", "lookalike.brand_subdomain", "taobao"),
    ("https://cocotb.com/", "none", "none.unlisted", None),
    ("https://dynet38.com/", "none", "none.unlisted", None),
    ("https://tb-shop.com/", "none", "none.unlisted", None),  # a shop word is not enough
    # an official label that is an everyday word, next to scam words only (not service words)
    ("https://office-login.com/", "caution", "lookalike.combo", "microsoft"),
    ("https://liveverify.com/", "caution", "lookalike.combo", "microsoft"),
    ("https://trip-refund.com/", "caution", "lookalike.combo", "ctrip"),
    ("https://meta-appeal.com/", "caution", "lookalike.combo", "meta"),
    ("https://livehelp.com/", "none", "none.unlisted", None),
    ("https://officedepot.com/", "none", "none.unlisted", None),
    ("https://tripadvisor.com/", "none", "none.unlisted", None),
    ("https://live-news.com/", "none", "none.unlisted", None),
    # a three-letter name and a shop word set apart by a hyphen; run together, or digits only: no
    ("https://ccb-pay.com/", "caution", "lookalike.combo", "ccb"),
    ("https://pay-boc.top/", "caution", "lookalike.combo", "boc"),
    ("https://aemps.es/", "none", "none.unlisted", None),  # ae + mps by chance: Spain's medicines agency
    ("https://ups123.com/", "none", "none.unlisted", None),
    # an official domain in front of another site, written with look-alike letters
    ("https://taobao.cοm.cn/", "danger", "lookalike.embedded_domain", "taobao"),  # Greek ο in com
    ("https://www.аlipay.com.evil.top/", "danger", "lookalike.embedded_domain", "alipay"),  # Cyrillic а
    ("https://xn--80ak6aa92e.com.evil.io/", "danger", "lookalike.embedded_domain", "apple"),
    # a site calling itself gov under an ending anyone can buy; real government sites are left alone
    ("https://etc-gov.top/renew", "caution", "url.fake_government", None),
    ("https://12123-gov.cc/", "danger", "lookalike.combo", "cn_traffic_12123"),  # 12123 is a listed service
    ("https://tax-gov-cn.com/", "caution", "url.fake_government", None),
    ("https://www.gov.cn/", "none", "none.unlisted", None),
    ("https://govtech.com/", "none", "none.unlisted", None),
    ("https://irs.gov.direct-paying.com/", "danger", "lookalike.embedded_domain", "us_irs"),  # irs.gov in front
    ("https://tax.gov.direct-paying.com/", "caution", "url.fake_government", None),  # a gov ending in front
    ("https://www.gov.cn.evil.top/", "caution", "url.fake_government", None),
    ("https://gov.salesforce.com/", "none", "none.unlisted", None),  # a company's government cloud
    # points, deposits, pay-monthly: more words of the scripts; a short name with its own hotline
    ("https://10086jf.cn/", "danger", "lookalike.combo", "china_mobile"),
    ("https://jifen-10086.top/", "danger", "lookalike.combo", "china_mobile"),
    ("https://douyin-baozhengjin.com/", "danger", "lookalike.combo", "douyin"),
    ("https://meituan-yuefu.com/", "caution", "lookalike.combo", "meituan"),
    ("https://ccb-95533.com/", "caution", "lookalike.combo", "ccb"),
    ("https://ccb-12345.com/", "none", "none.unlisted", None),  # another number says nothing
    ("https://zfb95188.com/", "caution", "lookalike.combo", "alipay"),  # digits set the number apart
    # abbreviations and new words: zfb (支付宝), tk (退款), jdjr (京东金融), tuipiao (退票), meeting apps
    ("https://zfb-tk.com/", "danger", "lookalike.combo", "alipay"),
    ("https://jdjr-kefu.com/", "danger", "lookalike.combo", "jd"),
    ("https://xiecheng-tuipiao.com/", "danger", "lookalike.combo", "ctrip"),
    ("https://12306-tuipiao.com/", "danger", "lookalike.combo", "china_railway_12306"),
    ("https://www.12306.cn.tuipiao.top/", "danger", "lookalike.embedded_domain", "china_railway_12306"),
    ("https://kyfw.12306.cn/otn/", "verified", "official.domain", "china_railway_12306"),
    ("https://tencent-meeting.net/", "danger", "lookalike.combo", "wechat"),
    ("https://taobao-apk.com/", "danger", "lookalike.combo", "taobao"),
    ("https://icloud-find.com/", "caution", "lookalike.combo", "apple"),
    ("https://streamlit-authenticator.com/", "none", "none.unlisted", None),  # 'mlit' folds like miit
    ("https://office-support.com/", "none", "none.unlisted", None),  # an everyday word, not a misspelling
    ("https://clean-shop.com/", "none", "none.unlisted", None),
    ("https://pple.com/", "none", "none.unlisted", None),  # four letters left: Chrome's length floor
    ("https://gmail.com/", "none", "none.unlisted", None),
    ("https://mail.ru/", "none", "none.unlisted", None),
    ("https://vmall.com/", "none", "none.unlisted", None),
    ("https://dmall.com/", "none", "none.unlisted", None),
    ("https://btrip.com/", "none", "none.unlisted", None),
    ("https://strip.com/", "none", "none.unlisted", None),
    ("https://jdpower.com/", "none", "none.unlisted", None),
    ("https://ticktock.com/", "none", "none.unlisted", None),
    ("https://elemental.com/", "none", "none.unlisted", None),
    ("https://decathlon.com/", "none", "none.unlisted", None),
    ("https://meetup.com/", "none", "none.unlisted", None),
    ("https://xəbər.az/", "none", "none.unlisted", None),  # Azerbaijani, no brand in it
    # a distinctive brand token with noise around it; ordinary-word tokens stay quiet
    ("https://shopeejj.com/", "caution", "lookalike.noisy_token", "shopee"),
    ("https://uspspost.me/", "caution", "lookalike.noisy_token", "usps"),
    ("https://uspsx.top/", "danger", "lookalike.noisy_token", "usps"),
    ("https://pineapple.com/", "none", "none.unlisted", None),
    ("https://rebooking.com/", "none", "none.unlisted", None),
    ("https://usps-post.world/", "caution", "lookalike.noisy_token", "usps"),  # a whole part, no scam word
    # scam words in the languages of other markets
    ("https://binance-verifica.com/", "danger", "lookalike.combo", "binance"),  # Italian
    ("https://amazon-verifcompte.com/", "danger", "lookalike.combo", "amazon"),  # French
    ("https://paypal-conferma-dati.com/", "danger", "lookalike.combo", "paypal"),
    ("https://shopee-hoantien.top/", "danger", "lookalike.combo", "shopee"),  # Vietnamese: refund
    ("https://dhl-paket-zahlung.com/", "danger", "lookalike.combo", "dhl"),  # German
    ("https://reembolso-desbloqueo.com/", "caution", "lookalike.scam_words", None),  # no brand, two strong words
    # no brand, one word of a scam theme, under an ending throwaway sites favour; under .com two are needed
    ("https://toll-pay.top/", "caution", "url.scam_theme", None),
    ("https://tollservices.vip/", "caution", "url.scam_theme", None),
    ("https://tax-rebate.com/", "none", "none.unlisted", None),
    ("https://parcel-redelivery.com/", "caution", "lookalike.scam_words", None),
    # a misspelt brand part next to a country code or shop word: caution; next to a scam word: danger
    ("https://shope-tw.com/", "caution", "lookalike.combo", "shopee"),
    ("https://shope-kefu.com/", "danger", "lookalike.combo", "shopee"),
    # an ending glued to the front of the site's name: the address reads as ezdrivema.com
    ("https://nyc.com-citations.xin/pay", "caution", "url.disguised_ending", None),
    # the same with a listed brand's official domain in front: an embedded domain
    ("https://ezdrivema.com-citations.xin/pay", "danger", "lookalike.embedded_domain", "ezdrivema"),
    ("https://com-pay.top/", "caution", "url.disguised_ending", None),
    ("https://community.com/", "none", "none.unlisted", None),
    ("https://bakı.az/", "none", "none.unlisted", None),
]


@pytest.mark.parametrize(("url", "level", "code", "brand"), CASES, ids=[c[0] for c in CASES])
def test_recall_case(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)


@pytest.mark.parametrize(
    ("fake", "real"),
    [("ɨƈloud", "icloud"), ("ʂhopeɇ", "shopee"), ("ᴍeituan", "meituan"), ("ɗouyɨn", "douyin"), ("ƿaypal", "paypal")],
)
def test_decorated_latin_letters_share_the_skeleton(fake, real):
    assert skeleton(fake) == skeleton(real)


@pytest.mark.parametrize(
    ("fake", "real", "fold"),
    [
        ("clemecdn", "elemecdn", letter_skeleton),
        ("ic1oud", "icloud", letter_skeleton),
        ("tilctok", "tiktok", loose_skeleton),
    ],
)
def test_two_rounds_of_lookalikes_fold_alike(fake, real, fold):
    assert fold(fake) == fold(real)


@pytest.mark.parametrize(("a", "b"), [("strip", "ctrip"), ("vmall", "tmall"), ("dmall", "tmall"), ("btrip", "ctrip")])
def test_letter_skeleton_keeps_different_letters_apart(a, b):
    assert letter_skeleton(a) != letter_skeleton(b)


@pytest.mark.parametrize(
    ("url", "level", "code", "brand"),
    [
        # a brand token that is only the letters of a longer known word is not the brand: ING's 'ing'
        # in tracking, shipping, billing; STO's 'sto' in store
        ("https://parcel-tracking.com/", "none", "none.unlisted", None),
        ("https://order-tracking.com/", "none", "none.unlisted", None),
        ("https://secure-billing.com/", "none", "none.unlisted", None),
        ("https://refund-billing.com/", "caution", "url.scam_theme", None),  # the theme, not ING
        # the same tokens standing as themselves still count
        ("https://ing-verify.com/", "danger", "lookalike.combo", "ing"),
        ("https://ingverify.com/", "danger", "lookalike.combo", "ing"),
        ("https://loginpnc.com/", "danger", "lookalike.combo", "pnc"),
        ("https://shopee-tracking.top/", "danger", "lookalike.combo", "shopee"),
    ],
)
def test_a_brand_token_inside_a_longer_word_is_the_word(engine, url, level, code, brand):
    assert_url_case(engine, url, level, code, brand)

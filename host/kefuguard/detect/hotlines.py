"""Public lines the advice names. The list can carry the anti-fraud centre as a brand (its number
then comes from the signed list); this is the fallback and the one place the number is written."""

ANTIFRAUD_HOTLINE_CN = "96110"  # 国家反诈中心 / 全国反诈预警劝阻专线
ANTIFRAUD_BRAND_ID = "cn_antifraud_96110"  # its brand id in the list

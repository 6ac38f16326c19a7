"""English scripts by family, from the slot model (thirteenth session): written down before any
data set's misses were read, from how published scam scripts of each family are worded.

The model, per family (party / problem or benefit / act or ask):
- other impersonations: a streaming service, telco, utility, payment app, wallet, social network,
  retailer's survey, prize draw, or a person you know (your boss, your child on 'a new number', a
  grandchild in trouble, your landlord) / a membership on hold, a payment that failed or could not
  be validated, a page reported for copyright or fraud, a prize or gift, a wallet to sync, a phone
  broken, bank details changed / update or validate payment, appeal, claim, send money, buy gift
  cards, send back a code 'sent by mistake', contact 'support' on Discord, Telegram or WhatsApp.
- tech support: Microsoft, Apple, Norton, McAfee, Geek Squad, 'your internet provider' / infected,
  hacked, license expired, PC blocked, renewed for $…, the account used for a crime / call the
  number, install AnyDesk or TeamViewer, read the code, stay on the line, do not hang up.
- couriers: USPS, Royal Mail, DHL, FedEx, Evri, Canada Post / on hold, incomplete address, unpaid
  duties or fee, missed delivery / update, reschedule, pay the fee, reply 1 to activate the link.
- bank alerts: the bank or 'your bank's fraud team' / locked, limited, suspended, a new payee, a
  payment you did not make / verify, call, reply with card and PIN, read the code, move your money.
- order charges: Amazon, PayPal, Walmart, eBay, Geek Squad / an order or charge you did not make, a
  renewal / call to cancel, reply with your card number to dispute, press 1.
- locked accounts: Apple ID, Microsoft, mail, Google, Office 365 / locked, to be closed,
  deactivated, restricted, a new device, a password expiring / verify, confirm, keep the password.
- government: IRS, HMRC, SSA, DVLA, E-ZPass, GOV.UK, ATO, CRA, a court, the DMV / a refund or
  rebate due, an SSN suspended, tax unpaid, a toll unpaid, a payment on hold, a warrant, jury duty /
  claim, pay, confirm bank details.

Beside each, genuine texts with the same words stay quiet: YES/NO fraud alerts, codes with 'never
share', notices on the brand's own site, and reminders ('we will never ask…', 'if you receive a text
saying…', 'Example of a scam text:', 'Report it to 7726').

Probe grid written for this change, not copied from any data set.
"""

from __future__ import annotations

import pytest

from tests.detect.text_support import check, codes

SCAMS = [
    "Netflix: Your membership is on hold. We're having trouble with your current billing information. Update here: "
    "netflix-billing-support.com",
    "Instagram: Your account has been reported for copyright infringement. Appeal within 24 hours at "
    "ig-appeal-center.com or your account will be deleted.",
    "Cash App: You have received $750. To claim the payment, verify your account at cashapp-claims.net",
    "MetaMask: Your wallet needs to be synchronized. Validate your wallet with your secret recovery phrase at "
    "metamask-sync.io",
    "Costco: Congratulations! You have been selected to receive a $100 gift card for completing our survey. Claim "
    "now: costco-rewards.xyz",
    "Hi, this is your manager. I'm in a meeting, I need you to buy 5 Apple gift cards for a client. Send me the "
    "codes.",
    "Verizon: Your bill payment failed. Your service will be interrupted today. Update your payment: "
    "vz-billing.com",
    "EE: Your monthly bill couldn't be processed. To avoid a late fee, update your details at "
    "ee-billing-update.com",
    "Hey, I accidentally sent you a 6-digit code, can you send it back to me please?",
    "Publishers Clearing House: You have won $2.5 million and a new car. To release your prize pay the $500 tax "
    "with gift cards.",
    "Your Disney+ subscription has expired. Renew now to keep watching: disneyplus-renew.com",
    "Your Spotify Premium payment was declined. Update your card within 48 hours to avoid losing access: "
    "spotify-pay.net",
    "PayPal: You've received $500. Your account is limited until you confirm the payment at paypal-resolution.com",
    "WhatsApp: Your account will be suspended unless you verify. Send us the 6-digit code we just sent you.",
    "Facebook Security: your page will be permanently disabled for violating our terms. Appeal here: "
    "fb-appeal.help",
    "Hello dad, my phone broke and this is my new number. Can you transfer 850 pounds for my rent today? I'll pay "
    "you back tomorrow.",
    "Dear customer, your electricity will be disconnected in 30 minutes due to an unpaid bill. Call our billing "
    "department at 1-888-555-0143.",
    "Amazon Prime: your membership auto-renewal failed. Update your payment details here: prime-renewal.co",
    "Telegram: Someone tried to log in to your account. To secure it, send us the code you received.",
    "Microsoft Rewards: Your points will expire today. Redeem them now: ms-rewards-claim.com",
    "AT&T Free Msg: Your bill is paid. Thanks, here's a little gift for you: att-gift.info",
    "Hello, I am from the Cash App support team. To get your refund, I need your $cashtag and the sign-in code we "
    "sent.",
    "Congratulations, your phone number won the Coca-Cola promotion. Contact our agent on WhatsApp +44 7700 900123 "
    "to claim your prize.",
    "Your Apple iCloud storage is full. Your photos and videos will be deleted. Upgrade now at "
    "icloud-storage-plan.com",
    "Dear Netflix user, we could not validate your payment information. Please update within 24 hrs or your "
    "account will be cancelled.",
    "Trust Wallet: your wallet has been flagged. Verify now to avoid suspension: trustwallet-verify.app",
    "Hi grandma, it's me. I'm in jail and I need bail money. Please don't tell mom. Can you buy gift cards?",
    "Microsoft Windows Defender: Your computer has been infected with a Trojan virus. Do not shut down. Call "
    "Microsoft Support at 1-888-555-0134.",
    "WARNING! Your PC is infected with 5 viruses. Your personal data is at risk. Call the toll free number "
    "immediately: +1-844-555-0199",
    "Your Norton license has expired and your device is unprotected. Renew now at norton-renew-center.com",
    "McAfee: Your subscription expired today. Your computer is at risk of virus attacks. Renew with 80% off: "
    "mcafee-deal.shop",
    "Hello, I'm calling from the Windows technical department. We have detected that your computer is sending "
    "error messages.",
    "Please install AnyDesk and give me the 9-digit code so I can fix your computer.",
    "Apple Security Alert: Your iPhone has been hacked. Call Apple Support immediately at 1-877-555-0162.",
    "Your IP address has been compromised. Please call our certified technicians to remove the hackers.",
    "Geek Squad: Your annual membership was renewed for $349.99. If you want to cancel, call 1-808-555-0117 within "
    "24 hours.",
    "This is Microsoft tech support. Your Windows license key has expired. We need remote access to renew it.",
    "Don't turn off your computer. Access to this PC has been blocked for security reasons. Contact Windows "
    "support.",
    "I am a technician from your internet provider. Your router has been hacked; please open TeamViewer so I can "
    "check it.",
    "Your computer is infected. Stay on the line while I connect to your computer to remove the virus.",
    "Amazon security: your account was used to buy child pornography. Call our fraud department now, do not hang "
    "up.",
    "USPS: Your package is on hold due to an incomplete address. Update your address within 12 hours: "
    "usps-redelivery.com",
    "Royal Mail: Your parcel has a shipping fee of 1.99 GBP to pay before delivery. Pay here: royalmail-fee.co",
    "DHL: Your package has arrived at our warehouse but cannot be delivered because of unpaid customs duties. Pay "
    "at dhl-customs-pay.com",
    "FedEx: We attempted to deliver your parcel but no one was home. Reschedule delivery: fedx-reschedule.net",
    "Evri: We missed you today. Your parcel will be returned to sender unless you book a new slot at "
    "evri-redelivery.info",
    "Your parcel cannot be delivered because the house number is missing. Please update: bit.ly/3xR4aQ",
    "UPS: A delivery fee of $1.50 is required to release your package. Pay now: ups-release-fee.com",
    "Australia Post: Your parcel is awaiting delivery. Confirm your details to avoid it being returned: "
    "auspost-track.info",
    "Canada Post: Your package is being held at our facility. A $2.99 fee is required to redeliver: "
    "cp-redeliver.ca.info",
    "USPS: The shipment could not be delivered due to an invalid zip code. Confirm your information in the link.",
    "Your package could not be delivered due to a wrong address. Reply 1 and reopen this message to activate the "
    "link.",
    "Hermes: Your item is being held. Please pay the outstanding postage: <link>",
    "Chase: Your debit card has been temporarily locked due to suspicious activity. Verify now at "
    "chase-verify-secure.com",
    "Wells Fargo: Unusual sign-in detected. If this wasn't you, verify your identity here: wellsfargo-alert.help",
    "HSBC: A new payee was added to your account. If this was not you, visit hsbc-cancel-payee.com",
    "Bank of America Alert: Your account has been limited. Please confirm your information to restore access: "
    "<URL>",
    "NatWest: We have detected a payment of £1,250 to an unknown device. If you did not authorise this, call 0203 "
    "555 0144.",
    "Barclays: Your card has been restricted. Please call our fraud team on 0161 555 0192 immediately.",
    "Lloyds: Your online banking access has been suspended. Reactivate at lloyds-reactivate.com",
    "Citi: Did you attempt a purchase of $982.10 at Apple.com? If not, call 1-844-555-0111 to cancel.",
    "Your bank account will be closed in 24 hours unless you update your information. Click the link below.",
    "This is the fraud department of your bank. Someone is trying to take money from your account. We need to move "
    "your funds to a safe account.",
    "Your card was used for a purchase of $549.00. If this was not you, reply with your card number and PIN to "
    "block it.",
    "This is your bank's security team. To cancel the transaction, read me the one-time code we just sent you.",
    "Commonwealth Bank: Your NetBank account has been suspended due to unusual activity. Log in to verify: "
    "commbank-verify.net",
    "Amazon: Your order of an iPhone 15 Pro for $1,299.00 has been placed. If you did not make this purchase, call "
    "1-888-555-0155.",
    "PayPal: You have authorized a payment of $499.99 to Coinbase. If you didn't authorize this, call +1 (844) "
    "555-0178.",
    "Walmart: Your order #38812 for a 65-inch TV will be shipped today. Not you? Cancel at "
    "walmart-cancel-order.com",
    "Your Apple Pay payment of $750 to Best Buy was successful. If this wasn't you, call Apple Support at "
    "1-833-555-0120.",
    "Thank you for your purchase. Your card was charged $399.99 for the Norton 360 annual plan. To request a "
    "refund call 1-808-555-0166.",
    "Your subscription to Amazon Prime has been renewed for $139. To cancel and get a refund, press 1 to speak "
    "with an agent.",
    "Invoice #88231: Your order for Bitcoin $1,500 is being processed. If you did not place this order, contact us "
    "at 1-877-555-0101.",
    "Your Apple ID has been locked for security reasons. Verify your identity at appleid-unlock-support.com",
    "Your Microsoft account will be closed today. Confirm your account to keep it: ms-account-verify.com",
    "Dear user, your email account is about to be deactivated. Click here to validate your account.",
    "Your Amazon account has been suspended due to unusual sign-in activity. Restore it at "
    "amzn-account-restore.com",
    "Netflix: Your account has been temporarily restricted. Confirm your billing details to lift the restriction.",
    "Your Google account was accessed from a new device in Russia. If this wasn't you, secure your account: "
    "google-secure-login.com",
    "Office 365: Your password expires today. Keep your current password here: o365-keep-password.com",
    "Your account access has been limited. We need you to verify your identity within 48 hours or it will be "
    "permanently closed.",
    "IRS: You are eligible for a tax refund of $1,290. Submit your claim at irs-refund-claim.com",
    "HMRC: You are due a tax rebate of £458.20. Claim it within 48 hours: hmrc-rebate-online.com",
    "Social Security Administration: Your SSN has been suspended due to suspicious activity. Call 1-866-555-0114 "
    "immediately.",
    "DVLA: Your vehicle tax payment failed. Update your details to avoid a fine: dvla-tax-renew.com",
    "E-ZPass: You have an unpaid toll balance of $4.15. Pay within 24 hours to avoid a late fee: "
    "ezpass-tollpay.com",
    "GOV.UK: You are eligible for the cost of living payment. Apply here: gov-uk-payment.com",
    "Australian Taxation Office: You have an outstanding tax debt. A warrant for your arrest will be issued unless "
    "you pay today.",
    "Canada Revenue Agency: your benefit payment is on hold. Confirm your identity to receive it: "
    "cra-benefit.ca.info",
    "This is a final notice from the county court. You missed jury duty and a warrant has been issued. Pay the "
    "fine to avoid arrest.",
    "myGov: Your account has been suspended. Verify your details at mygov-verify.com.au.info",
    "Department of Motor Vehicles: your driver's license will be suspended. Pay outstanding fines now.",
    "Your stimulus payment of $1,400 is ready. Confirm your bank details to receive it.",
    "Failure to verify your account will result in permanent suspension.",
    "Failure to do so will result in your account being closed.",
    "Kindly click the link below to verify your account information.",
    "Please verify your identity to avoid account suspension.",
    "If you do not respond within 24 hours, your account will be permanently disabled.",
    "Your account will be suspended if you fail to confirm your details.",
    "You have been selected to receive a $500 Amazon gift card. Reply YES to claim.",
    "Just pay a small fee of $9.99 to receive your prize.",
    "Please confirm your bank details so we can send your refund.",
    "We detected a login attempt from an unrecognized device. Verify it was you here.",
    "A warrant has been issued for your arrest. Call us back immediately.",
    "Your Social Security number has been suspended.",
    "Your card has been blocked. Please reply with your card number to unblock it.",
    "Your package is waiting for delivery. Confirm your address and pay the fee.",
    "Your tax refund of $845.20 has been approved. Submit your bank details to receive it.",
    "Your Wells Fargo account has been locked. Please visit the link to unlock.",
    "Your payment could not be processed. Please update your payment details to avoid service interruption.",
    "We are unable to deliver your parcel. Please pay the redelivery fee of $1.99.",
    "Your wallet is not synchronized. Please rectify your wallet by connecting it here.",
    "Please validate your wallet to continue using our services.",
    "Please reach out to our support team on WhatsApp at +1 555 0100 123.",
    "Please send your recovery phrase to our support agent to restore your wallet.",
    "Open a ticket with our live support here: https://dapps-support-desk.pages.dev",
    "I am sending you a 6 digit code, please read it back to me to verify your account.",
    "Someone is trying to use your account. To stop them, give me the code we just sent.",
    "Hi mum, I've lost my phone. This is my new number. Could you help me pay a bill? It's urgent.",
    "Hi dad, new phone, new number. Can you send me 400 today? I'll explain later.",
    "Grandma, it's me, I got arrested and I need money for bail. Please don't tell anyone.",
    "Your grandson is in jail. He needs $3,000 for bail. Send it through Bitcoin ATM.",
    "Go to the nearest Bitcoin ATM and deposit the cash. I'll stay on the line.",
    "Do not tell anyone at the bank why you are withdrawing the money.",
    "Buy Google Play cards worth $500 and send me pictures of the back.",
    "You must pay with iTunes gift cards.",
    "You have won the lottery. To claim your winnings, pay the processing fee.",
    "Your computer license has expired. Call us to renew.",
    "We have received your order for Norton LifeLock. $299.99 will be charged to your account today.",
    "We've detected a virus on your device. Do not turn it off. Call support now.",
    "Your electricity bill is overdue. Pay now or your power will be cut off within the hour.",
    "Your Amazon Prime membership will auto-renew today for $399. Press 1 to cancel.",
    "Your DHL parcel is held at customs. Pay £2.99 duty to release it.",
    "You have an unpaid parking ticket. Pay within 48 hours to avoid further penalties.",
    "IRS Notice: You have an outstanding balance. Pay immediately to avoid arrest.",
    "Hi Mum, I dropped my phone in the toilet, this is my new number. Can you help me pay a bill today? It's "
    "urgent.",
    "Hi grandpa, it's me. I'm in jail and I need bail money. Can you buy gift cards?",
    "Mom, my phone is broken so I'm texting from a friend's number. I need $300 for a bill, can you send it to "
    "this account?",
    "This is the Social Security Administration. Your identity was used in a drug trafficking case. Press 1 now.",
    "Dear Customer, We regret to inform you that your account has been suspended. To restore your account please "
    "follow the link below.",
    "We regret to inform you that we were unable to process your last payment. Kindly update your billing details "
    "to continue enjoying our services.",
    "Dear valued customer, your PayPal account has been limited. Please login and complete the verification "
    "process.",
    "Your account has been locked due to too many failed login attempts. Click below to unlock.",
    "We've noticed some unusual activity on your account and have temporarily suspended it for your protection.",
    "Notice: Your Netflix membership will be terminated within 24 hours. Update your payment now.",
    "ALERT: Your debit card has been deactivated. Call 1-877-555-0199 to reactivate.",
    "Dear client, your bank account has been frozen for security reasons. Please contact us immediately.",
    "URGENT: Suspicious activity detected on your account. Verify now or your account will be locked.",
    "Your parcel has been returned to our depot. To reschedule please pay the redelivery fee: [link]",
    "USPS: Your item could not be delivered due to an unpaid shipping fee of $0.30. Please pay here (link removed)",
    "Your package is on hold due to incorrect address information. Visit hxxps://usps-track[.]info to update.",
    "The IRS has issued a refund of $1,234 to you. Please verify your identity to receive it.",
    "HMRC has issued you a tax refund. Fill in the form to receive it.",
    "You owe $5,000 in back taxes. If you do not pay today, police will come to arrest you.",
    "This is Officer Johnson from the sheriff's department. You missed a court date and there is a warrant out for "
    "your arrest.",
    "Your Amazon account has been used to purchase an iPhone. If this was not you, press 1.",
    "We detected a charge of $399 on your account for a PlayStation 5. If you did not make this purchase, please "
    "call us.",
    "Hello, I'm calling from Microsoft. We've received error reports from your computer.",
    "Your computer has been locked. Please call the number on your screen.",
    "I'm from the technical department. Your internet will be disconnected today because your IP address has been "
    "hacked.",
    "Your Coinbase account has been locked. Contact support via WhatsApp to unlock.",
    "Your wallet has been compromised. Move your funds to this secure wallet immediately.",
    "To protect your money, we need you to transfer your savings to a new account we have set up for you.",
    "You have an unclaimed package. Pay the $1.99 delivery fee to receive it.",
    "Your electricity will be shut off today unless you pay the overdue balance by gift card.",
    "Medicare: You are eligible for a new card. Please confirm your Medicare number.",
    "Hello, your Facebook account will be disabled for violating our community standards. Verify your account to "
    "avoid this.",
    "Hi, this is Amazon customer service. There is a problem with your refund. Please download AnyDesk.",
    "We have been trying to reach you about your car's extended warranty. Press 1 to speak to a specialist.",
    "Your Venmo account has been temporarily frozen. Send $100 to verify your account.",
    "I have sent you $500 by mistake, please send it back to my Cash App.",
    "Hello, I am calling from Windows. Your computer is sending us error messages.",
    "We are getting alerts from your computer that it has been infected.",
    "I'm a Microsoft certified technician. Your computer is downloading viruses from the internet.",
    "This is the Windows Service Center. Hackers are trying to get into your computer right now.",
    "Your Windows license has expired and your computer will stop working tomorrow.",
    "You need to buy our security software for $299 to protect your computer.",
    "Go to ammyy.com and click run.",
    "I accidentally refunded you $3,000 instead of $300. Please send back the difference with gift cards.",
    "You were refunded too much money. You need to return the extra amount or I will lose my job.",
    "Your Geek Squad subscription will be renewed today. To cancel, we need to access your computer.",
    "Your Apple iCloud has been hacked. Do not use your phone or computer. Call Apple support.",
    "This is your internet service provider. We have detected that your computer is being used by hackers to steal "
    "your information.",
    "Microsoft has detected illegal activity from your IP address. Call us immediately.",
    "Your PC is at risk. 5 viruses detected. Click here to clean now.",
    "Virus alert! Your iPhone is infected with 3 viruses. Tap to remove them now.",
    "Your router has been compromised. Let me connect to your computer to fix it.",
    "Sir, please open your online banking so I can process your refund.",
    "Your McAfee antivirus expired today. Your PC may be infected. Renew now to stay protected.",
    "Critical alert from Windows: your files will be deleted. Call technical support at +1 888 555 0142.",
    "The package has arrived at the warehouse and cannot be delivered due to incomplete address information. "
    "Please confirm your address in the link within 12 hours.",
    "The delivery of your parcel has been delayed due to an unpaid import fee.",
    "A small fee of 1.45 GBP is required for redelivery.",
    "DPD: Your parcel is at our depot. To arrange delivery please pay the handling charge.",
    "The USPS package arrived at the warehouse but could not be delivered due to incomplete address information. "
    "Please confirm your address in the link.",
    "Parcel notification: your item has been held due to insufficient postage. Pay the balance to receive your "
    "item.",
    "Amazon: Your package could not be delivered. Please verify your payment information so we can deliver.",
    "Your package has been seized by customs. Pay the clearance fee to avoid its destruction.",
    "Your account has been suspended. Failure to do so will result in permanent closure.",
    "Hello, this is Amazon. We are calling about a suspicious purchase on your account.",
    "Is this Mr. Smith? I'm calling from your bank's fraud department.",
    "What is your online banking password?",
    "I'm going to send you a code, please read it to me.",
    "Don't worry, this is just a security procedure. We need the code to cancel the transaction.",
    "Your money is not safe in your account. Someone inside the bank is stealing from it.",
    "Go to your bank and withdraw $9,000 in cash.",
    "Put the cash in an envelope. A courier will come to your house to collect it.",
    "If the bank asks, tell them the money is for home renovations.",
    "Your account has been compromised. We will transfer your money to a new secure account.",
    "This is the police. Your bank card has been cloned. We are sending an officer to collect your card.",
    "You have to pay the fine today with Bitcoin or you will be arrested.",
    "We have frozen your Social Security number. To unfreeze it, you need to pay a fee.",
    "Your Amazon account was charged $1,499 for an iPhone. To cancel the order I need to connect to your computer.",
    "We refunded you $4,000 by mistake instead of $400. You must send the difference back.",
    "You have won a free cruise. You just need to pay the port taxes with your credit card.",
    "This is the Medicare office. We are sending new plastic cards, I need your Medicare number.",
    "Chase: Your account has been locked. Unlock it at: chase-secure[.]com",
    "Wells Fargo: Your card is suspended. Visit wellsfargo-verify dot com to restore.",
    "PayPal: Your account is limited. Login here: https://bit.ly/3pPaYpL",
    "Amazon: Unusual sign-in detected. Confirm your identity: tinyurl.com/amzn-verify",
    "USPS: Your package is on hold. Update your address: [link]",
    "FedEx: Your parcel could not be delivered. Reschedule here: <link>",
    "Netflix: Your payment failed. Update at {link} within 24 hours.",
    "Bank of America: Your account is on hold. Call us at (888) 555-0147 immediately.",
    "Coinbase: Your account is restricted. Contact support on Telegram @coinbase_help_center",
    "Binance: Your withdrawal is on hold. Message our support on WhatsApp +44 7700 900456",
    "MetaMask Support: Your wallet has been flagged. Validate it at metamask-validate.app",
    "Apple: Your iCloud is locked. Call +1 (833) 555-0176 to unlock.",
    "Amazon: Your account is suspended. Call 1 833 555 0176.",
    "HSBC: Your online banking is blocked. Call 0 20 3555 0148 now.",
    "Capital One: Your card is locked. Reply with your card number to unlock it.",
    "Your Venmo account is locked. Click here: venmo.support-center.co to unlock.",
    "Royal Mail: A fee of £1.99 is due. Pay at royalmail.parcel-fees.com",
    "Santander: new payee added. If not you, visit santander-uk-secure.com",
    "FRM:Chase MSG:Your account has been temporarily restricted. Please verify at chase-alerts.info",
    "[BofA] Your online access has been disabled due to several invalid login attempts. Restore: bofa-restore.com",
    "ALERT: Your Wells Fargo debit card has been suspended. Ref: 8842. Call 1-888-555-0163.",
    "Dear Customer, your Lloyds account requires re-verification. Failure to comply will lead to account "
    "suspension.",
    "Your HSBC account has been put on hold due to a failed security check. Visit the link to confirm your "
    "identity.",
    "Important: your Barclays card has been used abroad. If this was not you, follow the secure link to block it.",
    "Natwest: A new device has been added to your account. If you did not request this, visit "
    "natwest-device-removal.com",
    "Your Santander banking has been restricted pending verification of your details.",
    "We have restricted access to your account until you confirm recent transactions.",
    "USAA: Your account is locked due to unusual activity. Confirm your identity to regain access.",
    "Your Apple ID has been disabled for security reasons. Verify your information to restore access.",
    "Your Office 365 password expires today. Click here to keep the same password.",
    "Action required: your email account will be deactivated today. Validate now.",
    "Your Instagram account will be deleted within 24 hours due to copyright infringement. Submit an appeal.",
    "Meta: Your page has been scheduled for permanent deletion. If you think this is a mistake, appeal here.",
    "Thank you for your payment of $499.99 for Geek Squad Total Tech Support. If you wish to cancel, call our "
    "billing department.",
    "Your PayPal invoice of $899.00 from Coinbase is ready. If you didn't make this purchase, contact PayPal "
    "support at 1-805-555-0134.",
    "IRS: Your tax return has been flagged for review. Verify your identity to avoid penalties.",
    "Your Social Security benefits have been suspended. Call the SSA immediately to reactivate them.",
    "Notice from the DMV: your driver's license has been flagged. Update your information to avoid suspension.",
    "You have a pending tax refund of $820. Confirm your details to receive it.",
    "Your vehicle registration has expired. Pay the renewal fee to avoid a fine.",
    "City of Los Angeles: you have an unpaid parking citation. Pay now to avoid additional fees.",
    "This is the final notice regarding your unpaid toll. Failure to pay will result in additional fees and "
    "suspension of your license.",
    "Centrelink: your payment has been put on hold. Please update your details.",
    "Thanks for reaching out. Our support team can help you fix the wallet issue. Please open a ticket here: "
    "https://dapps-support-desk.pages.dev",
    "Our support team is available on Telegram: @wallet_help_desk. Message them to synchronize your wallet.",
    "Hello, to resolve your token issue, kindly contact our live chat support: https://wallet-resolve.netlify.app",
    "Need help with your wallet? Our live chat support will resolve it: [Wallet "
    "Help](https://wallet-helpdesk.pages.dev/)",
    "Your wallet needs to be validated. Our technical team will help you at https://web3-validate.vercel.app",
    "Hi, I'm Sarah from Amazon HR. We have a remote part-time job paying $300 a day. Contact me on WhatsApp +1 555 "
    "0100 777.",
    "Walmart is hiring mystery shoppers. You will receive a check for $2,000; deposit it and send $1,500 back by "
    "Zelle.",
    "Congratulations! Your number was selected in the Publishers Clearing House sweepstakes. Call our prize "
    "department to claim $5,000,000.",
    "Hello, this is Apple Pay. You received $500 from Jenny. To accept it, verify your bank account at "
    "applepay-receive.com",
    "Your Cash App account received $750. To claim your money, pay a $25 activation fee.",
    "Netflix: Due to a billing error, you are owed a refund of $45. Click here to claim.",
    "Hi, this is your CEO. I need you to purchase 6 Amazon gift cards for a client and email me the codes. Keep "
    "this confidential.",
    "Verizon: We owe you $50 for the recent outage. Click the link to receive your credit.",
    "Hi, I represent Coinbase. Your account has unclaimed Bitcoin worth $3,200. Send 0.01 BTC to activate the "
    "withdrawal.",
    "Dear user, Facebook has selected you for the blue verification badge. Fill the form to get verified.",
    "You have been approved for a government grant of $9,000. Pay the $200 processing fee to receive it.",
    "This is the lottery commission. You won $850,000 in the international lottery. Send your bank details to "
    "claim.",
    "NHS: We have identified that you are eligible to apply for your vaccine. Apply here: nhs-vaccine-booking.com",
    "DWP: You are entitled to a cost of living payment of £650. Claim it at dwp-payments.uk.com",
    "TV Licensing: Your TV licence has expired. Renew now to avoid prosecution: tvlicence-renew.co",
    "Universal Credit: You can claim a one-off hardship payment. Apply by replying with your National Insurance "
    "number.",
    "Home Office: Your visa has been cancelled due to an error in your application. Call 020 3555 0155 "
    "immediately.",
    "USCIS: There is a problem with your immigration status. You will be deported unless you pay a fine today.",
    "Jury Service: You failed to appear for jury duty. A warrant has been issued. Pay the fine to avoid arrest.",
    "Council Tax: You are due a refund of £221. Submit your bank details to receive it.",
    "Service NSW: Your driver licence is about to be suspended due to unpaid fines. Pay at servicensw-fines.com",
    "Ofgem: You are entitled to an energy rebate of £400. Apply before it expires: ofgem-rebate.info",
    "Dear Amazon Customer, We were unable to authorize your payment for your recent order. Please update your "
    "billing information within 48 hours or your order will be cancelled.",
    "Your Apple ID has been temporarily disabled for security reasons. To continue using your Apple ID, please "
    "verify your account information.",
    "We have placed a temporary hold on your account because we were unable to verify your information. Please log "
    "in and complete the verification.",
    "Your mailbox has reached its storage limit. You may not be able to send or receive new mail until you "
    "re-validate your mailbox.",
    "This email is to inform you that your account will be terminated unless you confirm your information by "
    "clicking the button below.",
    "Your recent transaction of $1,278.00 has been flagged as suspicious. If you did not authorize this "
    "transaction, please contact our fraud department at 1-888-555-0190.",
    "Dear customer, your Wells Fargo online banking has been deactivated due to an irregular activity. Kindly log "
    "in to reactivate your access.",
    "Your Chase account has been suspended because of a security breach. Please sign in and update your profile to "
    "restore access.",
    "Netflix: We're unable to process your payment. To keep your account active, please update your payment "
    "details. If we don't receive a response within 24 hours, your account will be suspended.",
    "Can you see all those red errors and warnings? Those are hackers trying to get into your computer.",
    "Sir, those errors mean your computer is infected. We need to fix it today.",
    "I am calling from the Windows department regarding your computer.",
    "We have been receiving error reports from your computer for the last few weeks.",
    "Your computer is sending us signals that it has been hacked.",
    "Now type eventvwr in the box and press enter.",
    "Your Windows license has expired, that is why your computer is getting these errors.",
    "You need to pay $249 for the protection, otherwise your computer will crash.",
    "Your computer will stop working in 24 hours if you don't renew the security.",
    "Don't worry, I'm a certified Microsoft technician.",
    "The hackers are still in your computer. Do not touch the mouse.",
    "You need to pay for the service with a gift card because the hackers can see your bank account.",
    "I see you have Norton installed. It has expired and your computer is unprotected.",
    "Your account access will expire today. Verify now: acct-verify.info",
    "Your password will expire in 24 hours. Keep your current password here: [link]",
    "Delta: Your flight DL123 has been cancelled. To rebook or claim a refund, call 1-888-555-0166.",
    "Your flight booking has been cancelled due to a payment error. Confirm your card details to keep your seat.",
    "American Airlines: You have been selected to receive two free round-trip tickets. Claim at "
    "aa-rewards-gift.com",
    "Your flight has been delayed. You are entitled to compensation of $600. Submit your bank details to receive "
    "it.",
    "Emirates: Your baggage is held at customs. Pay the clearance fee of $45 to release it.",
    "Your airline miles will expire today. Redeem them for cash at miles-redeem.com",
]

GENUINE = [
    "Netflix: We couldn't process your payment. Update your payment method at netflix.com/youraccount",
    "Your Instagram code is 482913. Don't share it.",
    "Cash App: You received $25 from John Smith. Open Cash App to view.",
    "WhatsApp code: 123-456. Don't share this code with others.",
    "Costco: Your order is ready for pickup at the Burbank warehouse.",
    "Verizon: Your bill is ready. Total due $85.20 by 4/15. View at vzw.com/mybill",
    "EE: Your monthly bill is ready. View it in the My EE app.",
    "Hi Mum, running late, be home by 7.",
    "If you get a 'Hi Mum' text from an unknown number asking for money, call your child on their old number "
    "first.",
    "MetaMask will never ask for your Secret Recovery Phrase. Anyone who does is a scammer.",
    "Scammers pretend to be your boss and ask you to buy gift cards. Always check in person.",
    "Instagram will never DM you about copyright violations. Report accounts that do.",
    "Spotify: Your payment failed. Update your card at spotify.com/account to keep Premium.",
    "PayPal: You've received $50.00 from Jane Doe. Log in to paypal.com to see details.",
    "Your Disney+ subscription renews on 3 March. Manage it at disneyplus.com/account.",
    "Example of a scam text: \"Netflix: your membership is on hold, update your billing at netflix-billing.com\". "
    "Do not click.",
    "Report scam texts by forwarding them to 7726.",
    "Scammers may pretend to be your energy supplier and say you'll be cut off unless you pay now. Hang up and "
    "call the number on your bill.",
    "Never give the code we send you to anyone, even if they say they are from WhatsApp.",
    "Microsoft Rewards: You've earned 500 points this week. Redeem at rewards.microsoft.com",
    "Microsoft will never call you to say your computer has a virus. Hang up.",
    "Your Norton subscription renews on June 1 for $89.99. Manage it at my.norton.com.",
    "Windows Security: Virus & threat protection is up to date.",
    "Tech support scams: a pop-up says your computer is infected and gives a number to call. Don't call it.",
    "If someone asks you to install AnyDesk or TeamViewer, hang up. Your bank will never ask you to.",
    "Geek Squad: Your appointment is confirmed for Tuesday 10am. Manage it at bestbuy.com/geeksquad.",
    "Apple will never ask you to call a number in a pop-up. Close the page and restart your browser.",
    "USPS: Your package was delivered to your mailbox at 2:14 pm. Track at usps.com",
    "Royal Mail: Sorry we missed you. Your item is at your local delivery office. Reschedule at "
    "royalmail.com/redelivery",
    "DHL: Your shipment 1234567890 has import duties of 12.40 GBP. Pay securely at dhl.co.uk",
    "Evri: Your parcel will be delivered today between 12:00 and 14:00. Track at evri.com",
    "USPS will never send you a text asking for a redelivery fee. Report it to spam@uspis.gov.",
    "If you receive a text saying your parcel is held for a fee, do not click the link. Forward it to 7726.",
    "FedEx: Your package is scheduled for delivery tomorrow. Track it at fedex.com",
    "Chase Fraud Alert: Did you use card ending 1234 for $52.10 at SHELL? Reply YES or NO.",
    "NatWest: Your one-time passcode is 583920. We will never ask you for this code. Don't share it.",
    "Lloyds: A new payee was added. If this wasn't you, call us on the number on the back of your card.",
    "Barclays will never ask you to move money to a safe account. If someone does, hang up.",
    "Your bank will never text you asking for your PIN or card number. If you receive a text saying your card is "
    "blocked, call the number on your card.",
    "Commonwealth Bank: Your statement is ready to view in the CommBank app.",
    "Citi: A purchase of $982.10 at Apple.com was approved on card ending 4321. Not you? Call the number on the "
    "back of your card.",
    "Amazon: Your order of Echo Dot has shipped. Track at amazon.com/orders",
    "PayPal: You sent a payment of $20.00 to John Smith. View details at paypal.com",
    "Walmart: Your order is ready for pickup. Show your order number at the store.",
    "If you get a message saying you ordered something you didn't, don't call the number in it. Check your account "
    "at amazon.com.",
    "Google: New sign-in on Windows. If this was you, you don't need to do anything. If not, review at "
    "myaccount.google.com",
    "Your Apple ID was used to sign in to iCloud on a new device. If this wasn't you, change your password at "
    "appleid.apple.com",
    "Microsoft account: Your security code is 482019. Don't share it.",
    "If you receive an email saying your account is locked, do not click its links. Sign in at the site yourself.",
    "IRS: Your refund was issued. Check where's my refund at irs.gov",
    "HMRC will never text you about a tax refund. Forward suspicious texts to 60599.",
    "GOV.UK: Your vehicle tax is due on 1 March. Pay at gov.uk/vehicle-tax",
    "E-ZPass: Your statement is ready. View it at e-zpassny.com",
    "The IRS does not initiate contact by text message to request personal information.",
    "SSA will never threaten to suspend your Social Security number. Hang up on anyone who does.",
    "Hi Mum, this is my new number, save it!",
    "Hi mum, my phone died, I'll call you from Jake's phone later.",
    "Dad, can you pay me back the 20 for dinner?",
    "Mum, I lost my phone so this is my new number. I'm fine, see you Sunday.",
    "Grandma, I got a new phone! Send me a photo of the dog.",
    "If you get a text saying 'Hi Mum, I've lost my phone, this is my new number, can you pay a bill', it's a "
    "scam. Call your child on their old number.",
    "Scammers pretend to be your child on a new number and ask you to pay an urgent bill. Always call the old "
    "number first.",
    "Hey mum, new number. Can you send me Aunt Sue's address?",
    "Dad I need a lift from the station, my phone is almost dead",
    "The bank may ask why you are withdrawing a large amount of cash. This is to protect you.",
    "The text is sent from an unknown number and usually starts with \"HI MUM\" or \"HI DAD\" and claims they have "
    "lost their phone. They will ask you to send cash to a bank account so they can buy a new phone.",
    "Hi Mum texts: the sender says my phone broke, this is my new number, can you pay a bill for me. It's a scam.",
    "Your eBay verification code is 482913. Never share this code.",
    "Enter the 6-digit code we sent to your phone to finish signing in.",
    "Your Amazon one-time password is 381992. Amazon will never ask you to read this code to anyone.",
    "If anyone asks you to read back a code we sent, hang up. It's a scam.",
    "Police say scammers claim your identity was used in a drug trafficking case. Hang up.",
    "Reply to this message with STOP to unsubscribe.",
    "Got it, I'll read it back to you tomorrow when I have the book.",
    "Write down your recovery phrase and keep it somewhere safe. Never share it with anyone.",
    "Your PayPal payment of $25.00 to Jane was completed.",
    "We've noticed unusual activity on your card ending 1234. Was this you? Reply Y or N. Msg&data rates may "
    "apply.",
    "Your USPS package is out for delivery. Track at usps.com",
    "Your Netflix membership has been cancelled as you requested. We hope to see you again.",
    "Reminder: your car insurance renews on 5 June. Log in to your account at geico.com to review.",
    "The IRS will not call you to demand immediate payment. If you owe taxes, you'll get a bill in the mail.",
    "If someone calls saying they're from Microsoft and your computer has a virus, hang up.",
    "Your Coinbase verification code is 183729. Do not share it with anyone.",
    "We will never ask you to move money to a safe account.",
    "Your electricity bill of $84.12 is due on 12 May. Pay online at coned.com or in the app.",
    "Zelle: You received $40.00 from John Smith.",
    "Your Venmo account is now verified. Thanks for confirming your identity.",
    "Thank you for calling Amazon customer service. Your refund of $19.99 has been processed to your original "
    "payment method.",
    "Your McAfee subscription renews on 12 July. Manage it at home.mcafee.com.",
    "Windows Update: your computer will restart tonight to install updates.",
    "Our technician will arrive between 9 and 11 am to fix your broadband.",
    "If you get a pop-up that says your computer is infected and to call a number, don't call. Close your browser.",
    "Microsoft doesn't send unsolicited messages or make phone calls to ask for personal or financial information "
    "or to fix your computer.",
    "Geek Squad: your repair is complete. Pick up your laptop at the store.",
    "Your iCloud storage is almost full. Manage storage in Settings.",
    "Tech support scammers may say your computer has a virus and ask for remote access. Hang up.",
    "Our Norton 360 protection plan costs $49.99 a year. Renew at norton.com.",
    "Thanks for buying security software at Best Buy. Your receipt is attached.",
    "Geek Squad Protection Plan: your plan covers repairs to protect your computer for 2 years.",
    "You can buy antivirus software to protect your computer from most stores. Never buy it from a caller.",
    "The technician fee for the repair is $89, payable when you collect your laptop.",
    "Your parcel will be delivered tomorrow by DPD between 10:14 and 11:14. Track at dpd.co.uk",
    "We tried to deliver your parcel today but nobody was home. We'll try again tomorrow.",
    "USPS: Your package is in transit and will arrive on Friday.",
    "Royal Mail: your parcel has a fee to pay of £8.25. Pay at royalmail.com/fee",
    "Your parcel has been left with your neighbour at number 12.",
    "Your order has been dispatched. It will arrive within 3-5 working days.",
    "Scam alert: texts saying your parcel is held for an unpaid fee are fake. Royal Mail will only ask for a fee "
    "by a grey card through your door.",
    "DHL: Duties of £12.40 are due. Pay securely at dhl.co.uk to release your shipment.",
    "Royal Mail: there's a fee to pay of £2.20 before we can deliver your item. Pay at royalmail.com/fee or at the "
    "delivery office.",
    "Parcelforce: import VAT and a handling fee of £8 are due to release your parcel. Pay at parcelforce.com",
    "Delivery is free on orders over £50. Standard delivery charge is £3.95.",
    "Redelivery is free. Choose a new date at royalmail.com/redelivery",
    "If you do not verify your email address within 7 days, your account will be deleted.",
    "Please confirm your email address. If you don't confirm within 48 hours, the link will expire.",
    "如连续12个月未登录，您的账号将被注销。",
    "Your bill is overdue. Please pay within 14 days to avoid further penalties. Pay at your local post office or "
    "online at gov.uk.",
    "Failure to renew your passport on time may result in delays to your travel plans.",
    "If you do not respond within 30 days, your case will be closed.",
    "If we don't hear from you within 7 days, this ticket will be closed automatically.",
    "Please reply within 48 hours or your ticket will be closed.",
    "We haven't heard back from you, so we'll close this case. Reply anytime to reopen it.",
    "Amazon: Your package with Kindle Paperwhite was delivered. Track at amazon.com/progress-tracker",
    "UPS: Your package 1Z999AA10123456784 is scheduled for delivery today by 7pm. Track: ups.com/track",
    "FedEx: Delivery exception. We were unable to deliver your package today because no one was available. We'll "
    "try again next business day. fedex.com",
    "USPS Informed Delivery: You have 3 mail pieces and 1 package arriving today. View at "
    "informeddelivery.usps.com",
    "Royal Mail: We have your parcel. It could not be delivered because there was a fee to pay. Please pay online "
    "at royalmail.com/fee",
    "Canada Post: Your parcel is ready for pickup at the post office. Bring photo ID. canadapost.ca",
    "Australia Post: Your parcel is awaiting collection at your local Post Office. auspost.com.au/track",
    "Your Walmart order #2000123 has been cancelled because the item is out of stock. You have not been charged.",
    "Target: Your order is ready for Drive Up. Let us know when you're on your way in the Target app.",
    "Best Buy: Your order has shipped. Track your package at bestbuy.com/orderstatus",
    "Your eBay item sold! Ship it by Tuesday. See details in the eBay app.",
    "Your Uber Eats order is on its way.",
    "We've received your return. Your refund of $29.99 will be issued to your original payment method within 5-7 "
    "days.",
    "Apple: Your payment for iCloud+ 50GB could not be processed. Update your payment method in Settings.",
    "Netflix: We're having trouble with your current billing information. Please update your payment method at "
    "netflix.com/youraccount.",
    "Spotify: Your payment didn't go through. Update your payment details at spotify.com/account to keep Premium.",
    "Your Microsoft 365 subscription will renew on 3 April for £79.99. Manage at account.microsoft.com/services",
    "Verizon: Your autopay payment of $85.20 failed. Please update your payment method in the My Verizon app to "
    "avoid a late fee.",
    "T-Mobile: Your bill of $120.40 is due on 5/14. Pay at t-mobile.com or dial #PAY.",
    "Chase: A $1,200.00 Zelle payment to John Smith was sent on 04/12. Not you? Call us at 1-800-935-9935.",
    "Bank of America: Your account balance is below $100. View your balance in the mobile app.",
    "Wells Fargo: Your card ending in 4321 was declined for $58.12 at Shell. Reply 1 if you made this purchase or "
    "2 if not.",
    "Capital One: Your credit card payment of $250.00 has been received. Thank you.",
    "Citi Alert: A purchase of $1,045.00 was made on card ending 1234 at APPLE.COM. If you don't recognize it, "
    "call the number on the back of your card.",
    "HSBC: Your one-time passcode is 492038. Never share this code, even with HSBC staff.",
    "Your Google verification code is G-582910. Don't share it with anyone.",
    "Use 284019 to verify your Facebook account. Facebook will never ask you for this code.",
    "Your PayPal security code is 842910. Your code expires in 10 minutes. Don't share your code with anyone.",
    "Reminder: Your appointment with Dr. Lee is tomorrow at 10:30. Reply C to confirm or R to reschedule.",
    "Your library books are due back on 12 May. Renew online at the library website.",
    "HMRC will never ask for personal or financial information by text message. If you receive a suspicious text, "
    "forward it to 60599.",
    "Be aware of scam texts saying your parcel is held. Royal Mail will never ask you to pay a fee by text without "
    "a reference number.",
    "Fraud warning: criminals pretend to be from your bank and ask you to move money to a safe account. We will "
    "never ask you to do this.",
    "If you receive a text saying your account has been locked, don't click on any links. Log in through our app "
    "instead.",
    "Scammers may pretend to be from Amazon and say there's a problem with your order. Amazon will never ask for "
    "payment by phone.",
    "Example of a scam text: \"USPS: Your package is on hold due to an incomplete address. Update here: "
    "usps-post.info\". Delete it.",
    "Report scam calls and texts to 7726. It's free.",
    "We will never ask you for your PIN, full password or to transfer money to another account.",
    "The FTC says: if someone tells you to pay with a gift card, it's a scam.",
    "Watch out for fake texts about unpaid tolls. E-ZPass will never text you asking for payment through a link.",
    "Your Apple ID was used to sign in to a new iPhone. If this was you, you can ignore this message. If not, go "
    "to appleid.apple.com.",
    "Microsoft account security alert: we detected something unusual about a recent sign-in. Review recent "
    "activity at account.live.com/activity",
    "Instagram: Someone tried to log in to your account. If this wasn't you, secure your account from the "
    "Instagram app.",
    "Your Amazon Prime membership will renew on 14 June for $139. To manage, visit amazon.com/prime.",
    "This is Dr. Patel's office calling to confirm your appointment tomorrow at 3 pm.",
    "Your bank will never ask you to withdraw cash and hand it to a courier.",
    "If the caller says to pay a fine with Bitcoin, hang up. It's a scam.",
    "Police will never come to your house to collect your bank card.",
    "Enter the code to cancel your subscription in the app.",
    "You'll get a code to reverse the transfer in your banking app. Never read it to anyone.",
    "Our driver will come to your house to collect the parcel tomorrow between 9 and 12.",
    "We will never ask you for your full PIN or password by text, email or phone.",
    "If you receive a text saying your account has been suspended and asking you to click a link, it's a scam.",
    "Scammers may pretend to be from your bank and say your account has been compromised. Hang up and call the "
    "number on your card.",
    "Example of a scam text: \"Your Netflix account is on hold. Update your payment details here: "
    "netflix-update.com\"",
    "Report it to 7726. Forward suspicious texts to 7726 for free.",
    "Have you received a text about an unpaid toll? It's a scam. Don't click the link.",
    "Beware: fraudsters are sending texts claiming to be from HMRC offering tax refunds.",
    "This is a phishing email: \"Dear customer, your account will be closed unless you verify your details within "
    "24 hours.\"",
    "Think it's a scam? Hang up and call us on the number on the back of your card.",
    "Criminals are cold-calling people pretending to be from Microsoft and claiming their computer has a virus.",
    "Never give remote access to your computer to someone who calls you out of the blue.",
    "A genuine organisation will never ask you to move money to a safe account or buy gift cards.",
    "Don't be rushed. Scammers say you must act within 24 hours or your account will be locked.",
    "Stop. Challenge. Protect. Take Five to Stop Fraud.",
    "Common signs: urgent language, threats that your account will be suspended, links to unfamiliar sites, "
    "requests for your PIN.",
    "Fake delivery texts often say a small fee is needed for redelivery. Royal Mail, DPD and Evri will never text "
    "you for a fee like this.",
    "Scam alert: messages saying 'Hi Mum, I've lost my phone' are circulating. Always call your child on their "
    "usual number.",
    "The caller may say your Social Security number has been suspended. SSA will never do that.",
    "We have seen a rise in scam calls claiming to be from the police asking people to withdraw cash. Hang up.",
    "Fraudsters may tell you that your money is not safe in your account. Your bank will never say this.",
    "People are receiving emails that say their Amazon Prime membership has renewed for $139 and to call a number "
    "to cancel. Do not call.",
    "If you think you've been scammed, contact your bank immediately and report it to Action Fraud.",
    "Our staff will never ask you to read out a code we have sent you.",
    "Tip: check the sender. A text from a mobile number claiming to be your bank is a red flag.",
    "Got a text saying you've won a prize and need to pay a fee to claim it? Delete it.",
    "These scam messages say there's a problem with your account and ask you to verify it by clicking a link.",
    "Received a call saying you owe back taxes and will be arrested? That's a scam. The IRS sends letters.",
    "Chase: Your statement is ready. View it at chase.com",
    "PayPal: Your payment of $10.00 was sent. Details at paypal.com/activity",
    "Amazon: Your package was delivered. Photo at amzn.to/3xYz",
    "USPS: Your package was delivered. Track at usps.com/track",
    "Bank of America: Your card ending 1234 was used for $45.00 at Target. Questions? Call 1-800-432-1000.",
    "Coinbase: Your deposit of $100 is now available. View at coinbase.com",
    "Apple: Your Apple ID was used to sign in on a new device. If this wasn't you, go to appleid.apple.com.",
    "HSBC: your new card has been dispatched. Call 03457 404 404 if it does not arrive.",
    "Chase: Your account balance is $1,204.55 as of 9:00 AM.",
    "Barclays: We've blocked a payment from your account. If it was you, you can unblock it in the Barclays app.",
    "Santander: Your new card is on its way. Activate it in the app when it arrives.",
    "USAA: Your direct deposit of $2,100.00 has posted.",
    "Your Apple ID password was changed. If you did this, you can ignore this message.",
    "Instagram: We've reviewed your appeal and restored your account.",
    "Amazon: Your order #112-4567 has shipped. Track at amazon.com/orders.",
    "IRS: Your return has been accepted. Check your refund status at irs.gov/refunds.",
    "GOV.UK: Your driving licence application has been received. We'll send your licence within 3 weeks.",
    "Your vehicle registration expires on 30 June. Renew online at your state DMV website.",
    "The DVLA will never text you asking for payment. Report scam texts to 7726.",
    "For help with your wallet, visit our help center at support.metamask.io.",
    "Our support team will never DM you or ask for your seed phrase. Only use support.metamask.io.",
    "Scammers pose as wallet support on Telegram and send links to fake help desks. Never share your recovery "
    "phrase.",
    "Thanks for reporting this bug in the wallet. Our dev team is looking into it; follow the issue at "
    "https://github.com/example/wallet/issues/42",
    "Customer service here: your order of the wallet case will arrive Monday. Track it at "
    "https://track.example-shop.com",
    "Hi, our support team has resolved your ticket about the token deposit. See details at "
    "https://help.smallexchange.io/ticket/123",
    "Your support ticket about the staking reward was updated by our team. View it at "
    "https://support.exchange-example.com/requests/881",
    "Amazon Jobs: Thanks for applying. Your interview is scheduled for Tuesday at 10am. Details at amazon.jobs",
    "Costco: Your 2% reward certificate of $42.10 is ready. Use it in warehouse or at costco.com.",
    "Verizon: As a credit for the outage on 3/12, we've added $5 to your account. No action needed.",
    "You're invited to Walmart's customer survey. Share your feedback at survey.walmart.com for a chance to win a "
    "$1,000 gift card.",
    "Your grant application has been received. We'll be in touch within 4 weeks.",
    "Withdrawals are free on our app. There is no withdrawal fee for bank transfers.",
    "Scammers ask you to send crypto to activate your withdrawal. Never pay to withdraw your own money.",
    "If you get a call from 1-888-555-0199 claiming to be Amazon, hang up. It's a scam.",
    "A text from 07700 900123 claiming to be Royal Mail is fake. Do not reply.",
    "We've had reports of emails from support@paypa1-help.com saying your account is limited. Delete them.",
    "Scam example: \"HSBC: your account is locked, call 0203 555 0148 now\". HSBC will never send this.",
    "Customers are receiving texts saying \"Your Netflix payment failed, update at netflix-billing.info\". This is "
    "not from Netflix.",
    "Fake websites like amazon-refund-center.com are being used to steal card details.",
    "Please be aware of a scam call claiming to be from our fraud team and asking you to move money to a safe "
    "account. Our real number is 0800 123 456.",
    "Warning: fraudsters are spoofing our number 0345 300 0000. We will never ask you to transfer money.",
    "We're aware of a phishing text saying your card has been suspended with a link to lloyds-secure-verify.com. "
    "Don't click it.",
    "Do not call numbers in pop-up messages claiming your computer is infected, such as +1-844-555-0147.",
    "Texts claiming you have an unpaid toll and asking you to pay at ezpass-pay.info are a scam. Pay only at "
    "e-zpassny.com.",
    "If someone claiming to be from the IRS calls you at 202-555-0112 demanding payment with gift cards, report it "
    "to TIGTA.",
    "This is what the scam text looks like: \"USPS: We could not deliver your package. Update your address: "
    "usps-redeliver.top\"",
    "Our customers have reported calls from people pretending to be Microsoft technicians asking them to install "
    "AnyDesk.",
    "NHS: You are eligible for a free flu vaccine. Book at nhs.uk/book-a-vaccine or call 119.",
    "DWP: Your Cost of Living Payment of £301 will be paid into your bank account automatically. You do not need "
    "to apply.",
    "TV Licensing: Your licence is due for renewal on 1 May. Renew at tvlicensing.co.uk",
    "GOV.UK: Your Universal Credit statement is ready. Sign in to your account to view it.",
    "Your council tax bill for 2026/27 is now available. View it online at your council's website.",
    "Your order #4821 has been confirmed. We'll email you when it ships.",
    "We're sorry, your order was cancelled because your payment method was declined. Please place a new order.",
    "Your payment of $49.99 to Spotify failed. We'll retry in 3 days. Update your card in your account.",
    "Your subscription has been renewed for another year. Thank you for being a member.",
    "Your free trial ends in 3 days. You'll be charged $9.99/month unless you cancel before then.",
    "Heads up: your card on file expires next month. Update it to avoid any interruption to your service.",
    "Service alert: scheduled maintenance tonight from 1am to 3am. Online banking will be unavailable.",
    "Your account password was reset. If you didn't do this, contact support immediately.",
    "Your new device has been registered to your account.",
    "We've updated our terms of service. By continuing to use our service you agree to the new terms.",
    "Your monthly statement is available. Log in to view it.",
    "Outage alert: power is out in your area. Estimated restoration 6pm. Reply STOP to unsubscribe.",
    "Your water bill of $64.20 is due on June 3. Pay online or by phone.",
    "Your prescription is ready for pickup at CVS, 123 Main St.",
    "Your flight UA 123 is delayed. New departure 7:45pm. Check the United app for updates.",
    "Reminder: your payment of $150 is due tomorrow. If you've already paid, please ignore this message.",
    "Your account has been locked after 5 failed sign-in attempts. Try again in 30 minutes or reset your password.",
    "We noticed a new sign-in to your account from Chrome on Windows. If this was you, no action is needed.",
    "Your refund has been approved and will appear on your statement in 3-5 business days.",
    "Your delivery is scheduled for tomorrow between 8am and 12pm. Reply 1 to confirm or 2 to reschedule.",
    "Your parcel could not be delivered as nobody was in. It has been taken to your local depot for collection.",
    "Your package is delayed due to weather. We apologize for the inconvenience.",
    "We couldn't deliver your package today. We'll try again on the next business day.",
    "Order update: an item in your order is out of stock and has been refunded.",
    "Your gym membership payment failed. Please update your payment details at reception or in the app.",
    "Your rent payment of $1,200 was received. Thank you!",
    "Important: your account will be closed on 30 June as you requested. Any remaining balance will be sent to you "
    "by cheque.",
    "Your card has been blocked as you reported it lost. A replacement card will arrive in 5-7 days.",
    "We noticed a sign-in to your Amazon account from a new device. If this was you, you can ignore this email.",
    "Your Apple ID was used to sign in to iCloud via a web browser. If you recently signed in, you can disregard "
    "this email.",
    "Your mailbox is almost full. Delete old messages or buy more storage in Outlook settings.",
    "We were unable to charge your card for your Netflix subscription. We'll try again in a few days. You can "
    "update your payment method in your Account page.",
    "We've placed a temporary hold on your card because you reported it stolen. Call the number on the back of "
    "your card to order a new one.",
    "We've placed a temporary hold on your card. Please call us on the number on the back of your card.",
    "Our IT department will install updates on all office computers tonight.",
    "Windows Update: a restart is required to finish installing updates.",
    "If your computer is slow, try restarting it. Call our help desk at extension 4400 if the problem continues.",
    "Your Norton subscription expires in 30 days. Turn on automatic renewal at my.norton.com to stay protected.",
    "Your tax refund of $820 was deposited into your account on 12 April.",
    "Your verification link will expire in 24 hours. Didn't request it? Ignore this email.",
    "TurboTax: your tax refund has been accepted by the IRS. Track it at turbotax.intuit.com",
    "United: Your flight UA 88 is cancelled. We've rebooked you on UA 90 departing 8:15 pm. View in the United "
    "app.",
    "Delta: Your upgrade has cleared. Enjoy First Class on DL 456.",
    "Your SkyMiles balance is 24,500. Miles don't expire. Use them at delta.com.",
]


@pytest.mark.parametrize("text", SCAMS)
def test_the_family_scripts_warn(text):
    result = check(text)
    assert result.level in ("caution", "danger"), codes(result)


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_texts_and_reminders_with_the_same_words_stay_quiet(text):
    result = check(text)
    assert result.level == "none", codes(result)


def test_every_warning_names_its_rule_in_both_languages():
    for text in SCAMS:
        for reason in check(text).reasons:
            assert reason.message and reason.message_zh, (text, reason.code)


@pytest.mark.parametrize(
    "text",
    [
        "my code is 556677",
        "the OTP is 482913",
        "my password is Hunter22",
        "card 4111 1111 1111 1111 exp 09/27 cvv 123",
    ],
)
def test_outgoing_secrets_in_english_are_warned(text):
    result = check(text, direction="outgoing")
    assert result.level in ("caution", "danger"), codes(result)

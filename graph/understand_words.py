"""The words that are not a customer's name (``FILLER``: function words, AR vocabulary,
politeness, actions; ``NON_NAME``: common words that make a message more than a bare name) and
the words arbot reads as they are, never as typos (``KNOWN``). ``graph.understand_refs`` drops
them from the customer text; ``graph.understand_spelling`` leaves ``KNOWN`` words alone."""

from __future__ import annotations

# Words dropped from the customer text: function words, AR vocabulary, politeness, actions.
# None of them is a word of a demo customer's name (tests/graph/test_understand.py checks).
FILLER = frozenset(
    """
overall general portfolio whole entire company-wide across a an the and or but if so than then
to of for from by on in at with about into over under per via as vs is are was were be been
being am do does did done doing has have had having will would can could should shall may might
must i me my mine we us our ours you u ur your yours ya he him his she her it its they them
their theirs this that these those there here what whats how when where which who whom whose why
please pls plz kindly thanks thank thx ty tks cheers hi hey hello morning afternoon evening team
guys folks all just now right also too still yet already again ever even only any some more most
much many few lot lots quick one get got give gave show tell check find see look pull up share
send sent let lets know need needs want wants like yes no not ok okay pay paid payed pays paying
payment payments pmt pmts pymt pymts remittance remittances remit remitted receipt receipts
received receive wire wires wired ach checks cheque cheques money cash transfer transfers
deposit deposited came come coming owe owes owed owing balance balances bal outstanding
outstandings open due dues overdue past aging ageing items item o s os soa statement receivable
receivables ar exposure current behind total amount amt amounts left rest unpaid late days day
plus invoice invoices inv invs bill bills po pos number num nbr account accounts acct accts
customer customers client clients cust custs collection collections worklist list queue chase
chasing dunning priority priorities call calls follow followup escalation deduction deductions
deds ded deducting short shortpay shortpays chargeback chargebacks dispute disputes disputed
claims claim unearned discount discounts application app cashapp unapplied unmatched suspense
lockbox bank unidentified posted post match matched credit limit limits line review status
approval approve hold holds release order orders ship shipping shipment shipments available
headroom forecast dso cei expected expect projection projected digest summary report rundown
recap snapshot overview briefing update headline history since week weeks wk wks month months
year years today yesterday ago last latest recent recently next time hour hours end ytd mtd
write off writeoff w apply applied against allocate set raise lower increase decrease reduce
bump cut change make drop lift extend adjust block freeze remove take unblock note notes comment
memo log record reminder reminders letter notice email nudge ping remind process processed asap
thru through side copy details detail info information asking asked says said saying confirm
confirmed whether called calling pending settled cleared clear full approvals approved tonight
tomorrow weekend monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun
jul aug sep sept oct nov dec january february march april june july august september october
november december q1 q2 q3 q4 quarter overnight soon early put place keep unhold add added
collect collected collecting cover covered covers covering rank ranks ranking ranked position offs
outlook rate rates monitor watch watchlist whos whats summarize summarise summary largest
biggest highest debtors debtor promises promise promised broken kept missed euro euros eur gbp
cad usd pounds canadian between average avg mean terms net alert goes above below inbox
exceptions exception report aging ageing aged bucket buckets collector collectors received
receiving everyone everybody anyone owed disputes disputed held blocked speed fast slow slowest
fastest quarter quarters waiting approval unapplied unallocated beyond first currency
currencies breakdown book recd rcvd dpd qtd gimme r re regarding payer payers rn atm sum
far carry carries carrying trial blowing room headroom half fortnight second 1st 2nd grand
combined aggregate ledger split break breakdown bucketed separate separately longest furthest
breaches breach lmt cl deposits down hit hits ptp ptps detailed stop utilization utilisation
mid middle early late start beginning trend trends usually typically normally date dated
near nearing approaching sitting standing belongs belong single ticket safe third fourth logged
concern concerns supplying selling delivering fyi
fwiw btw anyway spoke talked revert undo cfo ceo controller boss supposed
delinquent oldest hasnt havent hadnt didnt doesnt dont isnt wasnt werent arent wont cant
couldnt shouldnt q totals percent percentage pct share ratio points posts missing arrived
incoming entrance entrances delay delays delayed saldo
close closing board pack packs figure figures analysis altogether together told dollar dollars
hitters queried query queries contesting contested severely whole ledger
needful rn looking tot ttl debiteuren debitoren trade adp two three four five six seven eight
nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty
forty fifty sixty seventy eighty ninety hundred landed state audit auditors older agreed
approved allowed greatest remaining allocated mail honoured honored fulfilled fulfiled wise
commitment commitments meeting meetings weekly deck rpt age profile
management mgmt reporting booked during commencing beginning ending starting kw cw wc calendar
longer dear regards provide provided sorted sort sincerely define explain definition meaning
arrive arriving offene offenen offener posten liste op openstaand openstaande vervallen
uberfallig ueberfaellig zahlungseingang zahlungseingaenge betalingen ontvangen ouderdomsanalyse
altersstruktur encours impayes falls fall falling maturing
flash kpi kpis slide slides working worry worried concerned tied locked stuck
checking request requesting descending ascending order revise revised chunkiest fattest advise
perspective released levy fighting arguing pushing back theres
heftiest meatiest beefiest juiciest subledger sub-ledger tickets individual currently
negative blew lines file land lands
pd disp disps dispt dispts hole un ones situation entered enter enters period periods imported
quarterly monthly annual yearly litigation legal wise debts calls escalate escalated large great
subject action party realised realized raised raising lowered marked complete broke
actual unadjusted adjustment adjustments passed tdy tday tmrw tmw tmr wklist wrklst
exceeding exceeded exceeds intimate inform
fp&a fpa fp finance treasury treasurer manager mgr analyst accountant accounting ops operations
reserve reserves provision model tie tieout tie-out recon reconciliation rec bother min mins
minute minutes sec gm daily putting sheet ideally preferably hopefully possibly
switch switched shift fire fired knock knocked committee flip move moved moving stick chaser
chasers
mahnung mahnungen zahlungsziel zahlungsziele kreditlimit kreditlimits kreditrahmen bitte danke
für fur schicken senden verschicken setzen ändern andern aendern erhöhen erhohen erhoehen senken
tage
patch patches territory territories desk lowest smallest table fiscal roll
forward rollforward recorded captured promising committed ah lah leh lor sia meh
headlines headline liner one-liner bullets bullet kena situation leave holiday holidays vacation
sit sits bug bang buck naughty allow stopped huge shorting less reasons catch im massive giant
funds job begin sick important driver drivers deliver banked signed
max maximum deadbeats deadbeat reps rep huddle chop bust value books street numbers lying
reference revisit level sla ist enough without od lepas erp data greater higher bigger cannot
prepare paiseh stub took shorted talking tl compare gl calc excel myself
pattern control sending later thinking rpc heading anywhere evidence monitored likely
probably matching fully taken batch bai ta shame matter urgency urgent earn
earned changes
trx trxs oi ois doc docs document documents incl including whale whales pile heap worth
riskiest risk ring rung rang bring speed bucket getting slower faster quicker bacs
chaps sat requests queued submit submitted sign entitled eligible settlement probable lump
ccy ccys separately foreign
shld shd shud prio dun brought todo to-do round excluding exclude excluded except whoever
prioritise prioritize prioritised prioritized concentration heaviest chunk size bulk majority
portion slice counting ng lang po naman given regional director releasing buy flaked
bailed breaks emea apac latam included exposures reason reasons stopping
reneged versus compared comparison
""".split()
)

# Common words that are not names: when the words left over after FILLER hold one of these, the
# message is not a bare customer name, so its intent is not guessed from them.
NON_NAME = frozenset(
    """
good bad new old big small best worst top bottom high low great nice cool fine sure real thing
things stuff way people person guy guys anyone anybody someone somebody everyone everybody go
going gone went take taking make making made work working keep keeps keeping dropping drop reset
print printed forget ignore pretend disregard able kind sort type question questions ask asking
answer example examples feature features usage command commands bot arbot chatbot won win game
night play possible maybe probably actually really very think thought say tell told because
before after while until till mode system prompt rules rule instructions admin lol haha
something anything nothing everything else other another same such own each every both either
hope wish thanks welcome sorry help helps helping use using used try trying tried run running
potential debt okay wants wanted sales ok exactly picture happened happening happen changed
stand standing miss missed hear heard slipping sliding quickly late happy sad mom dad wife
husband kids story showing accept accepting never passing moment fresh further holding
hypothetically separately though settles settle clears cleared out wrote nobody noone ppl
heads once emailed mailed rang phoned chased reminded fourty ninty placed urgent urgently
cob eod eow fit fits ovd crossed crossing discussed c l effect requested onshore
offshore honour honor needed wef e f mis effective immediately considering thinking
contemplating planning
""".split()
)


# Words arbot reads as they are, never taken for a typo of an AR word ("customer" is not
# "customers", "invoiced" not "invoice").
KNOWN = (
    FILLER
    | NON_NAME
    | frozenset(
        """
invoiced credits reported reports promised disputing receiver balanced limited statement's broke
""".split()
    )
)

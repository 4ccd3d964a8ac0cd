def R(text, intent, customer=None, invoice=None, action=None, proposal=False, db="demo", spec=None):
    return dict(text=text, intent=intent, customer=customer, invoice=invoice, action=action,
                proposal=proposal, db=db, spec=spec)

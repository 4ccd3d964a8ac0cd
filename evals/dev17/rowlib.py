D, I = "demo", "imported"


def R(text, intent, cust=None, inv=None, spec=None, db=D):
    return dict(text=text, intent=intent, customer=cust, invoice=inv, spec=spec, proposal=False, action=None, db=db)


def A(text, action, cust=None, inv=None, db=D):
    return dict(text=text, intent="action_request", customer=cust, invoice=inv, spec=None, proposal=True, action=action, db=db)

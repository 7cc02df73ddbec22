import socket, json, sys, os, time
port=int(sys.argv[1]); out=sys.argv[2]
s=socket.create_connection(("127.0.0.1",port)); f=s.makefile('rb')
info=f.readline(); open(out+"/info.txt","wb").write(info)
s.sendall(b'CONNECT {"verbose":false,"headers":true,"no_responders":true,"protocol":1}\r\nSUB _INBOX.> 1\r\nPING\r\n')
def readmsg():
    while True:
        line=f.readline()
        if line.startswith(b'PING'): s.sendall(b'PONG\r\n'); continue
        if line.startswith(b'PONG') or line.startswith(b'+OK') or line.startswith(b'INFO'): continue
        if line.startswith(b'-ERR'): raise Exception(line)
        p=line.split()
        if p[0]==b'MSG':
            n=int(p[-1]); data=f.read(n+2)[:-2]; return p[1].decode(),None,data
        if p[0]==b'HMSG':
            h=int(p[-2]); n=int(p[-1]); data=f.read(n+2)[:-2]; return p[1].decode(),data[:h].decode(),data[h:]
        raise Exception(line)
cnt=[0]
def req(subj,body=b'',hdrs=None,name=None,multi=False):
    cnt[0]+=1; inbox="_INBOX.r%d"%cnt[0]
    if isinstance(body,(dict,list)): body=json.dumps(body).encode()
    elif isinstance(body,str): body=body.encode()
    if hdrs:
        hb=("NATS/1.0\r\n"+"".join("%s: %s\r\n"%(k,v) for k,v in hdrs.items())+"\r\n").encode()
        s.sendall(b'HPUB %s %s %d %d\r\n'%(subj.encode(),inbox.encode(),len(hb),len(hb)+len(body))+hb+body+b'\r\n')
    else:
        s.sendall(b'PUB %s %s %d\r\n'%(subj.encode(),inbox.encode(),len(body))+body+b'\r\n')
    res=[]
    while True:
        sj,h,d=readmsg()
        if sj!=inbox: continue
        res.append((h,d))
        if not multi or (h and ' 204' in h.split('\r\n')[0]) or (h and h.split('\r\n')[0].strip()!='NATS/1.0'): break
    if name:
        if multi or res[0][0]:
            with open(out+"/"+name+".txt","wb") as o:
                for h,d in res:
                    o.write(b"--- headers\n"+(h or '').encode()+b"--- body\n"+d+b"\n")
        else:
            open(out+"/"+name+".json","wb").write(res[0][1])
    return res
exec(open(sys.argv[3]).read())
